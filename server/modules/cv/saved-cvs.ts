/**
 * Saved CVs (at most MAX_SAVED_CVS per learner) and imports into the stored passport. A new CV
 * without a body starts from the stored passport and the account (cvFromPassport), tailored when a
 * career is named. Another learner's CV is answered as missing (404), never as forbidden.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { fromJson, toJson } from '../../platform/db/json.js'
import type { Database } from '../../platform/db/types.js'
import { AppError, notFound } from '../../platform/http/errors.js'
import type { CatalogService } from '../catalog/index.js'
import type { PassportService } from '../passport/index.js'
import { cvCatalog } from './cv-catalog.js'
import type { Cv, CvFormat } from './cv.schema.js'
import type { CvService, RenderedCv } from './cv.service.js'
import { importResume, type Accepted, type ImportDraft } from './cv-import.js'
import { checkResume } from './resume-check.js'
import { skillMatcher } from './skill-matcher.js'

export const MAX_SAVED_CVS = 20

export interface SavedCv {
  id: string
  title: string
  career: string | null
  template: Cv['template']
  createdAt: string
  updatedAt: string
  cv: Cv
}

export interface NewCv { title: string; career?: string; template?: Cv['template']; cv?: Cv }
export interface CvUpdate { title: string; cv: Cv; career?: string | null }

type Row = Database['cvs']
const asSaved = (r: Row): SavedCv => ({
  id: r.id, title: r.title, career: r.career_slug, template: r.template as Cv['template'], createdAt: r.created_at, updatedAt: r.updated_at, cv: fromJson<Cv>(r.cv, {} as Cv),
})

export function createSavedCvsService(deps: { db: Kysely<Database>; catalog: CatalogService; cv: CvService; passport: PassportService; now: () => number }) {
  const { db, cv, passport } = deps
  const nowIso = () => new Date(deps.now()).toISOString()

  async function own(userId: string, id: string): Promise<Row> {
    const row = await db.selectFrom('cvs').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
    if (!row) throw notFound('cv', id)
    return row
  }

  /** The stored passport and the account, as a first CV. */
  async function prefilled(userId: string, template: Cv['template'] | undefined): Promise<Cv> {
    const [stored, user] = await Promise.all([
      passport.read(userId),
      db.selectFrom('users').select(['display_name', 'email']).where('id', '=', userId).executeTakeFirst(),
    ])
    const view = cvCatalog(deps.catalog.index()).passportView({
      skills: stored.skills.map((s) => ({ skill: s.skill, level: s.level, evidence: s.evidence })),
      credentials: stored.credentials.map((c) => ({ credential: c.credential, earnedOn: c.earnedOn })),
    })
    return cv.fromPassport(view, { name: user?.display_name ?? '', email: user?.email ?? null }, template)
  }

  /** Tailors to the career when one is named; answers the CV and the career's slug. */
  function tailored(doc: Cv, career: string | undefined): { cv: Cv; slug: string | null } {
    if (career === undefined) return { cv: doc, slug: null }
    const result = cv.tailor(doc, career)
    return { cv: result.cv, slug: result.tailoring?.career.slug ?? null }
  }

  function draft(resume: unknown, accepted: readonly Accepted[] = []): ImportDraft {
    const index = deps.catalog.index()
    const view = cvCatalog(index)
    return importResume(checkResume(resume), skillMatcher(index), (id) => view.credential(id) !== undefined, accepted)
  }

  return {
    draft,

    async list(userId: string): Promise<Omit<SavedCv, 'cv'>[]> {
      const rows = await db.selectFrom('cvs').selectAll().where('user_id', '=', userId).orderBy('updated_at', 'desc').orderBy('id').execute()
      return rows.map((r) => ({ id: r.id, title: r.title, career: r.career_slug, template: r.template as Cv['template'], createdAt: r.created_at, updatedAt: r.updated_at }))
    },

    get: async (userId: string, id: string): Promise<SavedCv> => asSaved(await own(userId, id)),

    async create(userId: string, body: NewCv): Promise<SavedCv> {
      const { count } = await db.selectFrom('cvs').select((e) => e.fn.countAll<number>().as('count')).where('user_id', '=', userId).executeTakeFirstOrThrow()
      if (Number(count) >= MAX_SAVED_CVS) throw new AppError('cv.limit_reached', 409, `You can keep at most ${MAX_SAVED_CVS} CVs; delete one first.`, { limit: MAX_SAVED_CVS })
      let doc = body.cv ?? (await prefilled(userId, body.template))
      if (body.template) doc = { ...doc, template: body.template }
      const { cv: done, slug } = tailored(doc, body.career)
      const at = nowIso()
      const row: Row = { id: randomUUID(), user_id: userId, title: body.title, cv: toJson(done), career_slug: slug, template: done.template, created_at: at, updated_at: at }
      await db.insertInto('cvs').values(row).execute()
      return asSaved({ ...row, cv: done })
    },

    async update(userId: string, id: string, body: CvUpdate): Promise<SavedCv> {
      const existing = await own(userId, id)
      const { cv: done, slug } = body.career === null ? { cv: body.cv, slug: null } : tailored(body.cv, body.career ?? existing.career_slug ?? undefined)
      const changes = { title: body.title, cv: toJson(done), career_slug: slug, template: done.template, updated_at: nowIso() }
      await db.updateTable('cvs').set(changes).where('id', '=', id).where('user_id', '=', userId).execute()
      return asSaved({ ...existing, ...changes, cv: done })
    },

    async remove(userId: string, id: string): Promise<void> {
      await own(userId, id)
      await db.deleteFrom('cvs').where('id', '=', id).where('user_id', '=', userId).execute()
    },

    async export(userId: string, id: string, format: CvFormat): Promise<RenderedCv> {
      const saved = asSaved(await own(userId, id))
      return cv.render(saved.cv, format)
    },

    /** Adds an imported resume's skills and credentials to the stored passport (a skill already higher keeps its level). */
    async importIntoPassport(userId: string, resume: unknown, accepted: readonly Accepted[] = []) {
      const imported = draft(resume, accepted)
      const current = await passport.read(userId)
      const levels = new Map(current.skills.map((s) => [s.skill, s.level]))
      const skills = [
        ...current.skills.map((s) => ({ skill: s.skill, level: s.level, source: s.source, evidence: s.evidence })),
        ...imported.passport.skills.filter((s) => !levels.has(s.skill)),
      ].map((s) => {
        const raised = imported.passport.skills.find((i) => i.skill === s.skill && i.level > s.level)
        return raised ? { ...s, level: raised.level, source: 'self' as const } : s
      })
      const earned = new Set(current.credentials.map((c) => c.credential))
      const stored = await passport.replace(userId, {
        skills,
        credentials: [...current.credentials.map((c) => ({ credential: c.credential, earnedOn: c.earnedOn })), ...imported.passport.credentials.filter((c) => !earned.has(c.credential))],
        targets: current.targets.map((t) => t.slug),
      })
      return { passport: stored, mappings: imported.mappings, unmapped: imported.unmapped }
    },
  }
}

export type SavedCvsService = ReturnType<typeof createSavedCvsService>
