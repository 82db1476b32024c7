import { describe, expect, it } from 'vitest'
import { cvFromPassport, type PassportView } from './cv-builder.js'
import type { Cv } from './cv.schema.js'
import { MAX_MISSING, tailorCv, type CareerRequirements, type SkillKnowledge } from './tailoring.js'

const NAMES: Record<string, string> = { python: 'Python', sql: 'SQL', git: 'Git', docker: 'Docker', apis: 'APIs', 'esco:python': 'Python (ESCO)', cooking: 'Cooking' }
/** python and esco:python are the same skill. */
const know: SkillKnowledge = {
  resolve: (s) => s.ids?.catalog ?? Object.keys(NAMES).find((id) => NAMES[id]!.toLowerCase() === s.name.toLowerCase()),
  groupOf: (id) => (id === 'esco:python' ? 'python' : id),
  name: (id) => NAMES[id] ?? id,
  esco: (id) => (id === 'sql' ? 'http://data.europa.eu/esco/skill/sql' : undefined),
}
const CAREER: CareerRequirements = {
  slug: 'back-end-developer', title: 'Back-End Developer',
  skills: [{ skill: 'apis', weight: 1 }, { skill: 'sql', weight: 0.9 }, { skill: 'esco:python', weight: 0.8 }, { skill: 'docker', weight: 0.6 }, { skill: 'git', weight: 0.5 }],
}
const cv = (skills: Cv['skills'], summary?: string): Cv => ({
  template: 'classic', basics: { name: 'Ada', ...(summary === undefined ? {} : { summary }) }, work: [], education: [], projects: [], skills, certificates: [], languages: [],
})

describe('tailoring a CV to a career', () => {
  it('orders skills by the career\'s importance (equivalent ids count), the rest after in the learner\'s order', () => {
    const { cv: tailored, tailoring } = tailorCv(cv([
      { name: 'Cooking', level: 5 }, { name: 'Git', level: 3 }, { name: 'Python', level: 4, ids: { catalog: 'python' } }, { name: 'Origami' }, { name: 'SQL', level: 2 },
    ]), CAREER, know)
    expect(tailored.skills.map((s) => s.name)).toEqual(['SQL', 'Python', 'Git', 'Cooking', 'Origami'])
    expect(tailoring.matched.map((m) => [m.skill, m.weight])).toEqual([['sql', 0.9], ['python', 0.8], ['git', 0.5]])
    expect(tailored.career).toBe('back-end-developer')
  })

  it('flags the career\'s skills the CV does not show as missing keywords, heaviest first; a hidden skill counts as missing', () => {
    const { tailoring } = tailorCv(cv([{ name: 'Git' }, { name: 'SQL', hidden: true }]), CAREER, know)
    expect(tailoring.missingKeywords).toEqual([
      { skill: 'apis', name: 'APIs', weight: 1 },
      { skill: 'sql', name: 'SQL', weight: 0.9, esco: 'http://data.europa.eu/esco/skill/sql' },
      { skill: 'esco:python', name: 'Python (ESCO)', weight: 0.8 },
      { skill: 'docker', name: 'Docker', weight: 0.6 },
    ])
  })

  it('caps missing keywords', () => {
    const many: CareerRequirements = { ...CAREER, skills: Array.from({ length: 40 }, (_, i) => ({ skill: `s${i}`, weight: 1 - i / 100 })) }
    expect(tailorCv(cv([]), many, know).tailoring.missingKeywords).toHaveLength(MAX_MISSING)
  })

  it('suggests a summary from the title and top matched skills, filling only an empty summary', () => {
    const skills = [{ name: 'Git' }, { name: 'SQL' }, { name: 'Python' }, { name: 'Docker' }]
    const filled = tailorCv(cv(skills), CAREER, know)
    expect(filled.tailoring.summarySuggestion).toBe('Aspiring Back-End Developer with hands-on skills in SQL, Python and Docker.')
    expect(filled.cv.basics.summary).toBe(filled.tailoring.summarySuggestion)
    const own = tailorCv(cv(skills, 'My own words.'), CAREER, know)
    expect(own.cv.basics.summary).toBe('My own words.')
    expect(own.tailoring.summarySuggestion).toContain('Back-End Developer')
    expect(tailorCv(cv([]), CAREER, know).tailoring.summarySuggestion).toBe('Aspiring Back-End Developer, building the skills the role asks for.')
  })
})

describe('a CV from a passport', () => {
  const passport: PassportView = {
    skills: [
      { id: 'sql', name: 'SQL', level: 2, escoUri: 'http://data.europa.eu/esco/skill/sql', onetElement: null, evidence: [{ kind: 'project', title: 'Shop', url: 'https://example.org/shop', date: '2024-05-01' }] },
      { id: 'python', name: 'Python', level: 4, escoUri: null, onetElement: null, evidence: [{ kind: 'project', title: 'Shop', url: 'https://example.org/shop' }, { kind: 'work', title: 'Internship at Acme', description: 'Payments', date: '2024-06-01' }] },
      { id: null, name: 'Knitting', level: 3, escoUri: null, onetElement: null, evidence: [{ kind: 'link', title: 'Blog', url: 'javascript:alert(1)' }] },
    ],
    credentials: [{ id: 'acme-sql', title: 'SQL certificate', issuer: 'Acme', earnedOn: '2025-06-01', url: 'https://example.org/c' }],
  }

  it('pre-fills skills by level with their ids, certificates, projects from evidence (merged) and work, and the account\'s name and email', () => {
    const built = cvFromPassport(passport, { name: ' Ada Lovelace ', email: 'ada@example.org' })
    expect(built.basics).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' })
    expect(built.skills).toEqual([
      { name: 'Python', level: 4, ids: { catalog: 'python' } },
      { name: 'Knitting', level: 3 },
      { name: 'SQL', level: 2, ids: { catalog: 'sql', esco: 'http://data.europa.eu/esco/skill/sql' } },
    ])
    expect(built.projects).toEqual([
      { name: 'Shop', url: 'https://example.org/shop', startDate: '2024-05-01', keywords: ['SQL', 'Python'], skills: ['sql', 'python'] },
      { name: 'Blog', keywords: ['Knitting'] }, // a javascript: link is dropped
    ])
    expect(built.work).toEqual([{ name: 'Internship at Acme', startDate: '2024-06-01', summary: 'Payments' }])
    expect(built.certificates).toEqual([{ name: 'SQL certificate', issuer: 'Acme', date: '2025-06-01', url: 'https://example.org/c', credential: 'acme-sql' }])
  })
})
