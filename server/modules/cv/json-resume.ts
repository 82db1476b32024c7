/**
 * A CV as JSON Resume 1.x (the official schema, `@jsonresume/schema`, allows extra properties on
 * every object). What a theme shows stays standard; what JSON Resume has no field for travels in
 * `x-pathways` extension objects so that nothing is lost:
 *
 * - `skills[].x-pathways`: `{ id, esco, onet, level }` — the catalog id, ESCO URI, O*NET element and
 *   the 0–5 level (`skills[].level` carries the level's name for themes);
 * - `projects[].x-pathways.skills`: the catalog skill ids the project is evidence for;
 * - `certificates[].x-pathways.credential`: the catalog credential id;
 * - `meta.x-pathways`: `{ version, template, layout, career, hidden, tailoring }` — `hidden` holds the
 *   hidden sections and hidden skills (in JSON Resume form) that the standard arrays leave out, so a
 *   theme shows what the learner chose and a round trip still has everything.
 */
import { LEVEL_NAMES } from '../analysis/index.js'
import type { Cv, SectionKind, Tailoring } from './cv.schema.js'

export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'
export const EXTENSION = 'x-pathways'
export const EXTENSION_VERSION = 1

type Json = Record<string, unknown>

/** Drops undefined and empty values so the output has no `"url": undefined` holes. */
function defined(entries: Json): Json {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)))
}

const SECTION_MAPPERS: { [K in SectionKind]: (item: Cv[K][number]) => Json } = {
  work: (w) => defined({ name: w.name, position: w.position, location: w.location, url: w.url, startDate: w.startDate, endDate: w.endDate, summary: w.summary, highlights: w.highlights }),
  education: (e) => defined({ institution: e.institution, area: e.area, studyType: e.studyType, url: e.url, startDate: e.startDate, endDate: e.endDate, score: e.score, courses: e.courses }),
  projects: (p) => defined({
    name: p.name, description: p.description, url: p.url, startDate: p.startDate, endDate: p.endDate, highlights: p.highlights, keywords: p.keywords,
    ...(p.skills?.length ? { [EXTENSION]: { skills: p.skills } } : {}),
  }),
  skills: (s) => defined({
    name: s.name,
    level: s.level === undefined ? undefined : LEVEL_NAMES[s.level],
    keywords: s.keywords,
    [EXTENSION]: defined({ id: s.ids?.catalog, esco: s.ids?.esco, onet: s.ids?.onet, level: s.level }),
  }),
  certificates: (c) => defined({ name: c.name, date: c.date, issuer: c.issuer, url: c.url, ...(c.credential ? { [EXTENSION]: { credential: c.credential } } : {}) }),
  languages: (l) => defined({ language: l.language, fluency: l.fluency }),
}

function mapped<K extends SectionKind>(kind: K, items: readonly Cv[K][number][]): Json[] {
  const map = SECTION_MAPPERS[kind] as (item: Cv[K][number]) => Json
  return items.map((item) => map(item))
}

export interface JsonResumeOptions {
  tailoring?: Tailoring | null
  /** ISO timestamp for meta.lastModified. */
  now?: string
}

/** The CV as a JSON Resume document (a plain object, ready for JSON.stringify). */
export function toJsonResume(cv: Cv, options: JsonResumeOptions = {}): Json {
  const hiddenSections = new Set(cv.layout?.hidden ?? [])
  const standard: Json = {}
  const hidden: Json = {}
  for (const kind of ['work', 'education', 'projects', 'skills', 'certificates', 'languages'] as const) {
    const items = cv[kind] as readonly Cv[typeof kind][number][]
    if (hiddenSections.has(kind)) {
      if (items.length > 0) hidden[kind] = mapped(kind, items)
      continue
    }
    if (kind === 'skills') {
      const shown = cv.skills.filter((s) => !s.hidden)
      const kept = cv.skills.filter((s) => s.hidden)
      if (shown.length > 0) standard.skills = mapped('skills', shown)
      if (kept.length > 0) hidden.skills = mapped('skills', kept)
      continue
    }
    if (items.length > 0) standard[kind] = mapped(kind, items)
  }
  const b = cv.basics
  const location = b.location ? defined({ city: b.location.city, region: b.location.region, countryCode: b.location.countryCode }) : {}
  return {
    $schema: JSON_RESUME_SCHEMA_URL,
    basics: defined({ name: b.name, label: b.label, email: b.email, phone: b.phone, url: b.url, summary: b.summary, location: Object.keys(location).length ? location : undefined }),
    ...standard,
    meta: defined({
      version: 'v1.0.0',
      ...(options.now ? { lastModified: options.now.slice(0, 19) } : {}),
      [EXTENSION]: defined({
        version: EXTENSION_VERSION,
        template: cv.template,
        layout: cv.layout,
        career: cv.career,
        hidden: Object.keys(hidden).length ? hidden : undefined,
        tailoring: options.tailoring ?? undefined,
      }),
    }),
  }
}
