/**
 * A first CV from what Pathways already knows: the passport's skills (with their taxonomy ids and
 * level), its earned credentials as certificates, its evidence as projects (work evidence as work),
 * and the account's name and email. Pure: the caller hands in the passport already read against the
 * catalog. The learner edits everything afterwards.
 */
import type { Cv, CvProject, CvSkill } from './cv.schema.js'

export interface PassportEvidence {
  kind: 'link' | 'project' | 'work' | 'other'
  title: string
  url?: string | null
  description?: string | null
  date?: string | null
}

/** A passport as the CV reads it: every skill with its name and taxonomy ids, credentials with a title. */
export interface PassportView {
  skills: readonly {
    /** The catalog skill id; null for a skill the catalog does not know (kept by its name). */
    id: string | null
    name: string
    level: number
    escoUri: string | null
    onetElement: string | null
    evidence: readonly PassportEvidence[]
  }[]
  credentials: readonly { id: string; title: string | null; issuer: string | null; earnedOn: string | null; url: string | null }[]
}

export interface Profile {
  name: string
  email?: string | null
}

const CV_DATE = /^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$/
const LINK = /^https?:\/\/\S+$/
const cvDate = (value: string | null | undefined): string | undefined => (value && CV_DATE.test(value) ? value : undefined)
const link = (value: string | null | undefined): string | undefined => {
  if (!value || !LINK.test(value) || value.length > 2000) return undefined
  return URL.canParse(value) ? value : undefined
}
const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function skillOf(s: PassportView['skills'][number]): CvSkill {
  const ids: NonNullable<CvSkill['ids']> = s.id ? { catalog: s.id } : {}
  if (s.escoUri) ids.esco = s.escoUri
  if (s.onetElement && /^[0-9A-Za-z.]+$/.test(s.onetElement)) ids.onet = s.onetElement
  return { name: clip(s.name, 300), level: Math.max(0, Math.min(5, Math.round(s.level))), ...(Object.keys(ids).length ? { ids } : {}) }
}

/** Evidence → projects (and work), one entry per title and link, naming every skill it backs. */
function fromEvidence(skills: PassportView['skills']): { projects: CvProject[]; work: Cv['work'] } {
  const projects = new Map<string, CvProject>()
  const work = new Map<string, Cv['work'][number]>()
  for (const skill of skills) {
    for (const e of skill.evidence) {
      const key = `${e.title}\u0000${e.url ?? ''}`
      const url = link(e.url)
      const date = cvDate(e.date)
      if (e.kind === 'work') {
        if (!work.has(key)) {
          work.set(key, { name: clip(e.title, 200), ...(url ? { url } : {}), ...(date ? { startDate: date } : {}), ...(e.description ? { summary: clip(e.description, 2000) } : {}) })
        }
        continue
      }
      const existing = projects.get(key)
      if (existing) {
        if (skill.id && !existing.skills?.includes(skill.id) && (existing.skills?.length ?? 0) < 30) existing.skills = [...(existing.skills ?? []), skill.id]
        if (!existing.keywords?.includes(skill.name) && (existing.keywords?.length ?? 0) < 30 && skill.name.length <= 100) existing.keywords = [...(existing.keywords ?? []), skill.name]
        continue
      }
      projects.set(key, {
        name: clip(e.title, 200),
        ...(e.description ? { description: clip(e.description, 4000) } : {}),
        ...(url ? { url } : {}),
        ...(date ? { startDate: date } : {}),
        ...(skill.name.length <= 100 ? { keywords: [skill.name] } : {}),
        ...(skill.id ? { skills: [skill.id] } : {}),
      })
    }
  }
  const byDate = (a: { startDate?: string }, b: { startDate?: string }) => (b.startDate ?? '').localeCompare(a.startDate ?? '')
  return { projects: [...projects.values()].sort(byDate).slice(0, 50), work: [...work.values()].sort(byDate).slice(0, 50) }
}

/** The CV a passport and an account give before the learner writes anything. */
export function cvFromPassport(passport: PassportView, profile: Profile, template: Cv['template'] = 'classic'): Cv {
  const skills = [...passport.skills]
    .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name))
    .slice(0, 300)
    .map(skillOf)
  const certificates = passport.credentials.slice(0, 100).map((c) => {
    const date = cvDate(c.earnedOn)
    const url = link(c.url)
    return {
      name: clip(c.title ?? c.id, 300),
      ...(c.issuer ? { issuer: clip(c.issuer, 200) } : {}),
      ...(date ? { date } : {}),
      ...(url ? { url } : {}),
      credential: c.id,
    }
  }).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
  const { projects, work } = fromEvidence(passport.skills)
  const email = profile.email && EMAIL.test(profile.email) && profile.email.length <= 254 ? profile.email : undefined
  return {
    template,
    basics: { name: clip(profile.name.trim(), 200), ...(email ? { email } : {}) },
    work, education: [], projects, skills, certificates, languages: [],
  }
}
