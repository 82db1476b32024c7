/**
 * The learner's stored skills passport: skills (always stored resolved to catalog ids, one row per
 * group of equivalent ids), earned credentials (their skills enter the passport, passport-rows.ts)
 * and target careers; its gaps and career matches through the analysis service. Every change runs in
 * one transaction together with a progress event that records the coverage of each target career at
 * that moment (the progress chart's series). API-key reads are written to the access log (Z6).
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/types.js'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { AnalysisService, PassportBody } from '../analysis/index.js'
import { LEVEL_NAMES } from '../analysis/index.js'
import type { CatalogService } from '../catalog/index.js'
import type { Actor, Clock } from '../identity/index.js'
import { catalogView, type CatalogView } from './catalog-view.js'
import { applyCredential, rowsByGroup, rowsFromEntries, withdrawCredential, type Rows, type SkillEntry } from './passport-rows.js'
import { createPassportRepository, type PassportRepository, type SkillRow } from './passport.repository.js'
import type { Coverage, StoredPassport } from './passport.schema.js'

export type EventKind =
  | 'passport_replaced' | 'skill_set' | 'skill_removed' | 'credential_earned' | 'credential_removed' | 'targets_set'
  | 'plan_item_done' | 'plan_item_undone' | 'step_done' | 'step_undone'

export interface PassportServiceDeps {
  db: Kysely<Database>
  catalog: CatalogService
  analysis: AnalysisService
  clock: Clock
}

type Pointer = { pointer: string; message: string }
const unresolved = (errors: Pointer[]) => new AppError('passport.unresolved', 400, 'Some entries name nothing in the catalog; nothing was stored.', { errors })

let sequence = 0
/** Event ids sort in the order events were written (within one millisecond too). */
const eventId = (now: number) => `${now.toString(36).padStart(9, '0')}-${(sequence = (sequence + 1) % 1e9).toString(36).padStart(6, '0')}-${randomUUID().slice(0, 8)}`

export function createPassportService(deps: PassportServiceDeps) {
  const { db, analysis, clock } = deps
  const view = (): CatalogView => catalogView(deps.catalog.index())
  const nowIso = () => new Date(clock.now()).toISOString()

  /** The passport as the analysis service reads it (catalog ids, credentials, target slugs). */
  async function bodyOf(repo: PassportRepository, userId: string): Promise<PassportBody> {
    const [skills, credentials, targets] = await Promise.all([repo.skills(userId), repo.credentials(userId), repo.targets(userId)])
    return {
      skills: skills.map((s) => ({ skill: s.skillId, level: s.level, source: s.source })),
      credentials: credentials.map((c) => ({ credential: c.credential_id, earnedOn: c.earned_on })),
      targets,
    }
  }

  /** Coverage of each target career by a passport (null for a career without skill data or gone from the catalog). */
  function coverageOf(body: PassportBody): Coverage {
    return (body.targets ?? []).map((career) => {
      try {
        return { career, coverage: analysis.gap(body, career).coverage }
      } catch {
        return { career, coverage: null }
      }
    })
  }

  /** Runs a change and appends its progress event in one transaction. */
  async function change<T>(userId: string, kind: EventKind, ref: string, work: (repo: PassportRepository) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      const repo = createPassportRepository(tx)
      const result = await work(repo)
      const [body, items, steps] = await Promise.all([bodyOf(repo, userId), repo.itemsDone(userId), repo.stepsDone(userId)])
      const now = clock.now()
      await repo.appendEvent(userId, {
        id: eventId(now), at: new Date(now).toISOString(), kind, ref: ref.slice(0, 300),
        coverage: coverageOf(body), itemsDone: items.length, stepsDone: steps.length,
      })
      return result
    })
  }

  async function currentRows(repo: PassportRepository, userId: string, catalog: CatalogView): Promise<Rows> {
    return rowsByGroup(await repo.skills(userId), catalog.resolver.groupOf)
  }

  async function writeRows(repo: PassportRepository, userId: string, rows: readonly SkillRow[]): Promise<void> {
    for (const row of rows) await repo.putSkill(userId, row)
  }

  /** Adds an earned credential and raises the passport to what it teaches. */
  async function earnIn(repo: PassportRepository, userId: string, catalog: CatalogView, credentialId: string, earnedOn: string, planId: string | null): Promise<void> {
    const teaching = catalog.credential(credentialId)
    if (!teaching) throw notFound('credential', credentialId)
    await repo.putCredential({ user_id: userId, credential_id: credentialId, earned_on: earnedOn, added_by_plan: planId, created_at: nowIso() })
    await writeRows(repo, userId, applyCredential(await currentRows(repo, userId, catalog), teaching, catalog.resolver.groupOf, nowIso()))
  }

  /** Removes an earned credential; skills whose level came from it fall back to the other credentials. */
  async function unearnIn(repo: PassportRepository, userId: string, catalog: CatalogView, credentialId: string): Promise<boolean> {
    if (!(await repo.deleteCredential(userId, credentialId))) return false
    const removed = catalog.credential(credentialId)
    if (!removed) return true
    const remaining = (await repo.credentials(userId)).flatMap((c) => catalog.credential(c.credential_id) ?? [])
    const { update, remove } = withdrawCredential(await currentRows(repo, userId, catalog), removed, remaining, catalog.resolver.groupOf, nowIso())
    await writeRows(repo, userId, update)
    for (const skillId of remove) await repo.deleteSkill(userId, skillId)
    return true
  }

  function targetSlugs(catalog: CatalogView, targets: readonly string[], base: string): { slugs: string[]; errors: Pointer[] } {
    const slugs: string[] = []
    const errors: Pointer[] = []
    targets.forEach((key, i) => {
      const slug = catalog.careerSlug(key)
      if (slug === undefined) errors.push({ pointer: `${base}/${i}`, message: 'no career has this slug or code' })
      else if (!slugs.includes(slug)) slugs.push(slug)
    })
    return { slugs, errors }
  }

  async function read(userId: string): Promise<StoredPassport> {
    const repo = createPassportRepository(db)
    const catalog = view()
    const [skills, credentials, targets] = await Promise.all([repo.skills(userId), repo.credentials(userId), repo.targets(userId)])
    return {
      skills: skills.map((s) => {
        const info = catalog.skill(s.skillId)
        return {
          skill: s.skillId, name: info?.name ?? s.skillId, level: s.level, levelName: LEVEL_NAMES[s.level] ?? String(s.level), source: s.source,
          evidence: s.evidence, escoUri: info?.escoUri ?? null, onetElement: info?.onetElement ?? null, updatedAt: s.updatedAt,
        }
      }).sort((a, b) => b.level - a.level || a.name.localeCompare(b.name)),
      credentials: credentials.map((c) => ({
        credential: c.credential_id, title: catalog.credential(c.credential_id)?.title ?? null, earnedOn: c.earned_on,
        recordedBy: c.added_by_plan === null ? 'learner' as const : 'plan' as const, planId: c.added_by_plan,
      })),
      targets: targets.flatMap((slug) => catalog.careerRef(slug) ?? []),
    }
  }

  return {
    read,
    view,
    change,
    earnIn,
    unearnIn,
    coverageOf,

    /** The stored passport in the analysis format. */
    body: (userId: string): Promise<PassportBody> => bodyOf(createPassportRepository(db), userId),

    /** Writes an access-log row when an API key reads the learner's record (SECURITY.md Z6). */
    async noteRead(actor: Exclude<Actor, { kind: 'anonymous' }>, record: string): Promise<void> {
      if (actor.kind !== 'api-key') return
      await db.insertInto('access_log').values({
        id: randomUUID(), learner_id: actor.userId, actor_user_id: actor.userId, actor_key_id: actor.keyId, actor_role: 'api_key:owner',
        school_id: null, record, purpose: 'me.passport.read', at: nowIso(),
      }).execute()
    },

    /** Replaces the whole passport; unresolved skills, unknown credentials or careers → 400 and nothing written. */
    async replace(userId: string, body: PassportBody): Promise<StoredPassport> {
      const catalog = view()
      const at = nowIso()
      const { rows, unresolved: missing } = rowsFromEntries(body.skills, catalog.resolver, at)
      const errors: Pointer[] = missing.map((i) => ({ pointer: `/skills/${i}/skill`, message: 'no catalog skill has this id, ESCO URI, O*NET element or label' }))
      const credentials = body.credentials ?? []
      credentials.forEach((c, i) => {
        if (!catalog.credential(c.credential)) errors.push({ pointer: `/credentials/${i}/credential`, message: 'no catalog credential has this id' })
      })
      const targets = targetSlugs(catalog, body.targets ?? [], '/targets')
      errors.push(...targets.errors)
      if (errors.length > 0) throw unresolved(errors)
      await change(userId, 'passport_replaced', 'passport', async (repo) => {
        await repo.clearPassport(userId)
        await writeRows(repo, userId, [...rows.values()])
        for (const c of credentials) await earnIn(repo, userId, catalog, c.credential, c.earnedOn ?? at.slice(0, 10), null)
        await repo.setTargets(userId, targets.slugs)
      })
      return read(userId)
    },

    /** Adds a skill, or replaces the entry of the skill (or an equivalent) already there. */
    async setSkill(userId: string, entry: SkillEntry): Promise<StoredPassport> {
      const catalog = view()
      const { rows, unresolved: missing } = rowsFromEntries([entry], catalog.resolver, nowIso())
      if (missing.length > 0) throw unresolved([{ pointer: '/skill', message: 'no catalog skill has this id, ESCO URI, O*NET element or label' }])
      const [[group, row]] = [...rows.entries()] as [[string, SkillRow]]
      await change(userId, 'skill_set', row.skillId, async (repo) => {
        const existing = (await currentRows(repo, userId, catalog)).get(group)
        await repo.putSkill(userId, { ...row, skillId: existing?.skillId ?? row.skillId })
      })
      return read(userId)
    },

    /** Removes a skill by its id or an equivalent one; 404 when the passport has none of its group. */
    async removeSkill(userId: string, skillId: string): Promise<StoredPassport> {
      const catalog = view()
      const rows = await createPassportRepository(db).skills(userId)
      const group = catalog.resolver.groupOf(skillId)
      const hits = rows.filter((r) => r.skillId === skillId || catalog.resolver.groupOf(r.skillId) === group)
      if (hits.length === 0) throw new AppError('passport_skill.not_found', 404, 'Your passport has no such skill.', { resource: 'passport_skill', id: skillId })
      await change(userId, 'skill_removed', skillId, async (repo) => {
        for (const hit of hits) await repo.deleteSkill(userId, hit.skillId)
      })
      return read(userId)
    },

    /** Records an earned credential; its skills enter the passport (source credential) unless already higher. */
    async earn(userId: string, credentialId: string, earnedOn: string | undefined): Promise<StoredPassport> {
      const catalog = view()
      if (!catalog.credential(credentialId)) throw notFound('credential', credentialId)
      await change(userId, 'credential_earned', credentialId, (repo) => earnIn(repo, userId, catalog, credentialId, earnedOn ?? nowIso().slice(0, 10), null))
      return read(userId)
    },

    async unearn(userId: string, credentialId: string): Promise<StoredPassport> {
      const earned = await createPassportRepository(db).credentials(userId)
      if (!earned.some((c) => c.credential_id === credentialId)) throw notEarned(credentialId)
      await change(userId, 'credential_removed', credentialId, (repo) => unearnIn(repo, userId, view(), credentialId))
      return read(userId)
    },

    async setTargets(userId: string, keys: readonly string[]): Promise<StoredPassport> {
      const targets = targetSlugs(view(), keys, '/targets')
      if (targets.errors.length > 0) throw unresolved(targets.errors)
      await change(userId, 'targets_set', targets.slugs.join(','), (repo) => repo.setTargets(userId, targets.slugs))
      return read(userId)
    },
  }
}

export const notEarned = (credentialId: string): AppError =>
  new AppError('earned_credential.not_found', 404, 'Your passport lists no such earned credential.', { resource: 'earned_credential', id: credentialId })

export type PassportService = ReturnType<typeof createPassportService>
