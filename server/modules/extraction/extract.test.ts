import { describe, expect, it } from 'vitest'
import { buildGazetteer, type VocabularySkill } from './gazetteer.js'
import { extractSkills } from './extract.js'
import { singular, stem, tokenize } from './tokens.js'

const skill = (id: string, name: string, altLabels: string[] = [], taxonomy: VocabularySkill['taxonomy'] = 'esco', kind = 'knowledge'): VocabularySkill =>
  ({ id, name, taxonomy, kind, altLabels, ...(taxonomy === 'esco' ? { uri: `http://data.europa.eu/esco/skill/${id}` } : {}) })

const VOCABULARY: VocabularySkill[] = [
  skill('project-management', 'project management'),
  skill('project-management-software', 'project management software'),
  skill('manage-budgets', 'manage budgets'),
  skill('database', 'database', ['databases']),
  skill('develop-software', 'develop software'),
  skill('sql', 'SQL', ['Structured Query Language'], 'curated', 'technology'),
  skill('aws', 'AWS', ['Amazon Web Services'], 'curated', 'technology'),
  skill('c', 'C', [], 'curated', 'technology'),
  skill('csharp', 'C#', ['C Sharp'], 'curated', 'technology'),
  skill('lead-others', 'lead others', ['lead', 'manage']),
  skill('english', 'English'),
  skill('backend', 'back-end development', ['server-side development'], 'curated', 'specialized'),
  skill('swift', 'Swift (computer programming)'),
  skill('patisserie', 'pâtisserie'),
  skill('engineering', 'engineering'),
  skill('r-and-d', 'research and development', ['R&D']),
  skill('python-curated', 'Python', [], 'curated', 'technology'),
  skill('python-onet', 'Python', [], 'onet', 'technology'),
]
const gazetteer = buildGazetteer(VOCABULARY)
const found = (text: string) => extractSkills(text, gazetteer).skills
const ids = (text: string) => found(text).map((s) => s.skill.id)

describe('tokens', () => {
  it('keep offsets into the original text and fold accents and case in the key', () => {
    const text = 'Pâtisserie,\r\nC++ & C#'
    expect(tokenize(text).map((t) => [t.surface, t.key, text.slice(t.start, t.end)])).toEqual([
      ['Pâtisserie', 'patisserie', 'Pâtisserie'], ['C++', 'cplusplus', 'C++'], ['&', 'and', '&'], ['C#', 'csharp', 'C#'],
    ])
  })

  it('stem plural and verb endings on both sides, and nothing derivational', () => {
    expect(stem('databases')).toBe(stem('database'))
    expect(stem('developing')).toBe('develop')
    expect(stem('managing')).toBe(stem('manage'))
    expect(stem('planning')).toBe('plan')
    expect(stem('developer')).not.toBe(stem('develop'))
    expect(singular('technologies')).toBe('technology')
    expect(singular('process')).toBe('process')
  })
})

describe('extractSkills', () => {
  it('takes the longest label at a position and never overlaps spans', () => {
    const skills = found('We use project management software daily.')
    expect(skills.map((s) => s.skill.id)).toEqual(['project-management-software'])
    expect(skills[0]?.mentions[0]).toMatchObject({ start: 7, end: 34, text: 'project management software', reason: 'exact label' })
  })

  it('finds plural and verb forms of a multi-word label, saying so', () => {
    const [budgets, software] = found('Managing the budget and developing software.')
    expect(budgets).toMatchObject({ skill: { id: 'manage-budgets' }, reason: 'inflected form', matchedLabel: 'manage budgets' })
    expect(budgets?.mentions[0]?.text).toBe('Managing the budget')
    expect(software).toMatchObject({ skill: { id: 'develop-software' }, reason: 'inflected form' })
  })

  it('lets a one-word label meet its plural but not its -ing form', () => {
    expect(found('strong on databases')[0]).toMatchObject({ skill: { id: 'database' }, reason: 'alternative label' })
    expect(found('a relational database')[0]).toMatchObject({ skill: { id: 'database' }, reason: 'exact label' })
    expect(ids('Engineer wanted')).toEqual([])
    expect(ids('civil engineering')).toEqual(['engineering'])
  })

  it('matches acronyms and one-letter names only with their capitals', () => {
    expect(ids('SQL, AWS and C')).toEqual(['sql', 'aws', 'c'])
    expect(ids('sql aws c: as seen on a keyboard')).toEqual([])
    expect(ids('Structured query language on amazon web services')).toEqual(['sql', 'aws'])
  })

  it('ignores stop-listed everyday words, and a product name that is an English word unless capitalised', () => {
    expect(ids('You will lead and manage a team in English.')).toEqual([])
    expect(ids('You will lead others.')).toEqual(['lead-others'])
    expect(ids('Built from scratch, at a swift pace')).toEqual([])
    expect(found('iOS apps in Swift')[0]).toMatchObject({ skill: { id: 'swift' }, reason: 'exact label' })
  })

  it('reads compounds joined or split, and & as and', () => {
    expect(found('backend development')[0]).toMatchObject({ skill: { id: 'backend' }, reason: 'compound spelling' })
    expect(found('Back-End Development')[0]).toMatchObject({ skill: { id: 'backend' }, reason: 'exact label' })
    expect(found('serverside development')[0]).toMatchObject({ skill: { id: 'backend' }, reason: 'compound spelling' })
    expect(ids('C Sharp or C#')).toEqual(['csharp'])
    expect(ids('R&D and research & development')).toEqual(['r-and-d'])
  })

  it('does not join words across punctuation or a line break', () => {
    expect(ids('project. management')).toEqual([])
    expect(ids('manage\nbudgets')).toEqual([])
    expect(ids('project management, software')).toEqual(['project-management'])
  })

  it('lists a skill once with every span, sorted by first mention, spans exact with accents, CRLF and astral characters', () => {
    const text = '😀 Pâtisserie\r\n\r\nSQL — pâtisserie again; SQL.'
    const skills = found(text)
    expect(skills.map((s) => s.skill.id)).toEqual(['patisserie', 'sql'])
    for (const s of skills) for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(skills[0]?.mentions.map((m) => m.text)).toEqual(['Pâtisserie', 'pâtisserie'])
    expect(skills[0]?.mentions[0]?.start).toBe(3)
    expect(skills[1]?.mentions).toHaveLength(2)
    expect(skills[1]?.score).toBeGreaterThan(0.85) // a repeated mention adds certainty
  })

  it('finds decomposed accents (NFD) the same as composed ones', () => {
    const text = 'pa\u0302tisserie'
    expect(found(text)[0]?.mentions[0]).toMatchObject({ start: 0, end: text.length })
  })

  it('prefers the curated skill when several taxonomies share a label', () => {
    expect(ids('Python')).toEqual(['python-curated'])
  })

  it('offers phrases after "experience in" that matched nothing as hints', () => {
    const { unmatchedHints } = extractSkills('Experience in underwater basket weaving and SQL. Knowledge of SQL.', gazetteer)
    expect(unmatchedHints).toEqual([{ text: 'underwater basket weaving', start: 14, end: 39 }])
  })

  it('finishes on a 50,000-character adversarial text (one long compound, repeated label prefixes)', () => {
    const compound = 'back-'.repeat(10_000)
    const prefixes = 'project management project '.repeat(1_800).slice(0, 50_000)
    expect(compound).toHaveLength(50_000)
    expect(found(compound)).toEqual([])
    expect(found(prefixes)[0]?.mentions.length).toBeGreaterThan(1_000)
    expect(found('a'.repeat(50_000))).toEqual([])
  })
})
