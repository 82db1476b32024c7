/**
 * A constructed school for the dashboard, drill-down and report tests: staff and learners inserted
 * as rows, cohorts, assignments, an adapted pathway with a local credential (the cohorts and
 * pathways APIs are built in parallel, so their tables are written directly), and learners'
 * passports, credentials and step marks written through the passport services at known clock times.
 */
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { browser, makeUser, signin, type AuthTestApp } from '../support/auth.js'

export const DAY = 24 * 60 * 60 * 1000
export const iso = (t: AuthTestApp) => new Date(t.clock.now()).toISOString()
export const today = (t: AuthTestApp) => iso(t).slice(0, 10)

export type Person = Awaited<ReturnType<typeof makeUser>>

export async function school(t: AuthTestApp, name: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('schools').values({ id, name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 6)}`, created_at: iso(t) }).execute()
  return id
}

export async function person(t: AuthTestApp, schoolId: string | null, role: 'learner' | 'educator' | 'school_admin', displayName = `${role} ${randomUUID().slice(0, 4)}`): Promise<Person> {
  const user = await makeUser(t, { display_name: displayName })
  if (schoolId !== null) await t.deps.db.kysely.insertInto('memberships').values({ user_id: user.id, school_id: schoolId, role, created_at: iso(t) }).execute()
  return user
}

export async function programme(t: AuthTestApp, schoolId: string, title: string, cipCode: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('school_programmes').values({ id, school_id: schoolId, cip_code: cipCode, title, created_at: iso(t) }).execute()
  return id
}

export async function cohort(t: AuthTestApp, schoolId: string, name: string, options: { staff?: Person[]; members?: Person[]; programmeId?: string; archived?: boolean } = {}): Promise<string> {
  const db = t.deps.db.kysely
  const id = randomUUID()
  await db.insertInto('cohorts').values({
    id, school_id: schoolId, name, description: null, programme_id: options.programmeId ?? null, join_code: null, created_by: null, created_at: iso(t),
    archived_at: options.archived ? iso(t) : null,
  }).execute()
  for (const s of options.staff ?? []) await db.insertInto('cohort_staff').values({ cohort_id: id, user_id: s.id, added_at: iso(t) }).execute()
  for (const m of options.members ?? []) await join(t, id, m)
  return id
}

export async function join(t: AuthTestApp, cohortId: string, member: Person): Promise<void> {
  await t.deps.db.kysely.insertInto('cohort_members').values({ cohort_id: cohortId, user_id: member.id, joined_at: iso(t) }).execute()
}

let position = 0
export async function assignCareer(t: AuthTestApp, cohortId: string, slug: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('cohort_assignments').values({ id, cohort_id: cohortId, kind: 'career', career_slug: slug, pathway_id: null, due_on: null, note: null, position: position++, created_at: iso(t) }).execute()
  return id
}

export async function assignPathway(t: AuthTestApp, cohortId: string, pathwayId: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('cohort_assignments').values({ id, cohort_id: cohortId, kind: 'pathway', career_slug: null, pathway_id: pathwayId, due_on: '2026-06-30', note: null, position: position++, created_at: iso(t) }).execute()
  return id
}

export async function localCredential(t: AuthTestApp, schoolId: string, title: string, issuer: string): Promise<string> {
  const id = randomUUID()
  await t.deps.db.kysely.insertInto('school_credentials').values({ id, school_id: schoolId, title, issuer, summary: null, hours: 10, skills: '[]', created_at: iso(t) }).execute()
  return id
}

/** An adapted pathway of data-clerk with `titles.length` local steps; `credentials[i]` puts a local credential on step i. */
export async function adaptedPathway(t: AuthTestApp, schoolId: string, title: string, titles: string[], credentials: Record<number, string> = {}): Promise<{ id: string; steps: string[] }> {
  const db = t.deps.db.kysely
  const id = randomUUID()
  await db.insertInto('adapted_pathways').values({ id, school_id: schoolId, career_slug: 'data-clerk', title, base: '[]', created_by: null, created_at: iso(t), updated_at: iso(t) }).execute()
  const steps: string[] = []
  for (const [i, stepTitle] of titles.entries()) {
    const stepId = randomUUID()
    steps.push(stepId)
    await db.insertInto('adapted_pathway_steps').values({
      id: stepId, pathway_id: id, position: i, section: 'local', title: stepTitle, text: 'Do it.', duration_min: null, duration_max: null, duration_unit: null,
      credential_id: null, school_credential_id: credentials[i] ?? null, upstream_key: null, edited: 0,
    }).execute()
  }
  return { id, steps }
}

export async function markAdapted(t: AuthTestApp, user: Person, pathwayId: string, stepId: string): Promise<void> {
  await t.deps.db.kysely.insertInto('adapted_steps_done').values({ user_id: user.id, step_id: stepId, pathway_id: pathwayId, done_at: iso(t) }).execute()
}

/** A GET of the JSON API as `who`, signed in now (sessions idle out as the test clock moves on). */
export async function apiGet(t: AuthTestApp, who: Person, url: string): Promise<LightMyRequestResponse> {
  const session = await signin(t, who.email, who.password)
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: browser(session) })
}
