/**
 * Browse by field, skill and interest; compare; related careers and moves — through HTTP on the
 * curated catalog with the fixture datasets imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as S from '../../shared/schemas.js'
import { createImportedTestApp } from '../support/imported-app.js'
import type { TestApp } from '../support/test-app.js'

let t: TestApp
beforeAll(async () => {
  t = await createImportedTestApp()
})
afterAll(async () => {
  await t?.close()
})

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject(url)
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200)
  return res.json() as T
}
async function problem(url: string, status: number, code: string) {
  const res = await t.app.inject(url)
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status)
  expect(res.headers['content-type']).toMatch(/problem\+json/)
  expect(res.json().code).toBe(code)
  return res.json()
}

describe(`browse on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('lists the three field hierarchies', async () => {
    const { items } = await get<{ items: { system: string; groups: number }[] }>('/api/v1/fields')
    expect(items.map((i) => i.system)).toEqual(['isco', 'soc', 'pathways'])
    expect(items.every((i) => i.groups > 0)).toBe(true)
  })

  it('builds the ISCO tree from the ISCO codes careers carry, labelled from ESCO, parents first', async () => {
    const tree = await get<S.FieldTree>('/api/v1/fields/isco')
    const byCode = new Map(tree.groups.map((g) => [g.code, g]))
    expect(byCode.get('2')).toMatchObject({ title: 'Professionals', level: 1, parent: null })
    expect(byCode.get('2512')).toMatchObject({ title: 'Software developers', level: 4, parent: '251' })
    // Curated careers carry ISCO codes too: the unit group counts them with the ESCO careers.
    const inUnit = await get<S.FieldCareers>('/api/v1/fields/isco/2512/careers?limit=100')
    expect(inUnit.items.map((c) => c.slug)).toEqual(expect.arrayContaining(['back-end-developer', 'software-developer']))
    expect(inUnit.total).toBe(byCode.get('2512')!.careerCount)
    const seen = new Set<string>()
    for (const g of tree.groups) {
      if (g.parent !== null) expect(seen.has(g.parent), g.code).toBe(true)
      seen.add(g.code)
    }
    // A group counts the careers of its subgroups, each once.
    expect(byCode.get('25')!.careerCount).toBeGreaterThanOrEqual(byCode.get('251')!.careerCount)
  })

  it('pages the careers of a group, with its path and subgroups', async () => {
    const page1 = await get<S.FieldCareers>('/api/v1/fields/isco/25/careers?limit=2')
    expect(page1.path.map((g) => g.code)).toEqual(['2', '25'])
    expect(page1.children.map((g) => g.code)).toContain('251')
    expect(page1.items).toHaveLength(2)
    const page2 = await get<S.FieldCareers>(`/api/v1/fields/isco/25/careers?limit=2&cursor=${page1.nextCursor}`)
    expect(page2.items[0]!.slug).not.toBe(page1.items[0]!.slug)
  })

  it('groups careers by SOC major group (O*NET job families) and by curated field path', async () => {
    const soc = await get<S.FieldCareers>('/api/v1/fields/soc/15-0000/careers?limit=100')
    expect(soc.group.title).toBe('Computer and Mathematical Occupations')
    expect(soc.items.map((c) => c.slug)).toEqual(expect.arrayContaining(['software-developers', 'back-end-developer']))
    expect(soc.items.map((c) => c.slug)).not.toContain('chief-executives')
    const code = encodeURIComponent('information-technology-and-computer-science/software-development')
    const curated = await get<S.FieldCareers>(`/api/v1/fields/pathways/${code}/careers`)
    expect(curated.group.title).toBe('Software Development')
    expect(curated.items.map((c) => c.slug)).toContain('back-end-developer')
  })

  it('answers 404 for an unknown group and 400 for an unknown hierarchy', async () => {
    await problem('/api/v1/fields/isco/9999/careers', 404, 'field.not_found')
    await problem('/api/v1/fields/nace', 400, 'request.invalid')
  })

  it('lists careers that need a skill, heaviest first, counting linked skills together', async () => {
    const java = await get<S.SkillCareers>('/api/v1/skills/java/careers?limit=100')
    expect(java.skill).toMatchObject({ id: 'java', name: 'Java' })
    expect(java.items.map((i) => i.career.slug)).toContain('back-end-developer')
    const weights = java.items.map((i) => i.weight)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
    expect(weights.every((w) => w > 0 && w <= 1)).toBe(true)
    await problem('/api/v1/skills/no-such-skill/careers', 404, 'skill.not_found')
  })

  it('ranks careers by an O*NET importance for an O*NET skill', async () => {
    const model = await get<{ items: S.Skill[] }>('/api/v1/skills?kind=common&limit=100')
    const onet = model.items.find((s) => s.id.startsWith('onet:'))!
    const listed = await get<S.SkillCareers>(`/api/v1/skills/${encodeURIComponent(onet.id)}/careers`)
    expect(listed.items.length).toBeGreaterThan(0)
    expect(listed.items.every((i) => i.career.origin === 'onet')).toBe(true)
  })

  it('lists the six RIASEC interests and the careers whose Holland code includes one', async () => {
    const { items } = await get<{ items: S.Interest[] }>('/api/v1/interests')
    expect(items.map((i) => i.code).join('')).toBe('RIASEC')
    const investigative = await get<S.InterestCareers>('/api/v1/interests/i/careers')
    expect(investigative.interest.name).toBe('Investigative')
    expect(investigative.items[0]).toMatchObject({ career: { slug: 'software-developers' }, code: expect.stringMatching(/^[RIASEC]{3}$/) })
    expect(investigative.items[0]!.code).toContain('I')
    expect(investigative.total).toBe(items.find((i) => i.code === 'I')!.careerCount)
    await problem('/api/v1/interests/X/careers', 400, 'request.invalid')
  })
})

describe('compare', () => {
  it('compares pay on the same statistic and source when every career has one', async () => {
    const c = await get<S.Comparison>('/api/v1/compare?careers=back-end-developer,software-developers')
    expect(c.sharedPay).toBe(true)
    const [a, b] = c.careers
    expect(a!.pay).toMatchObject({ source: { id: 'bls-oews-2024-05' }, statistic: 'median', unit: 'per-year' })
    expect(b!.pay).toMatchObject({ source: { id: 'bls-oews-2024-05' }, statistic: 'median', unit: 'per-year', value: 133080 })
    expect(a!.payNote).toMatch(/Same statistic for every career/)
    expect(b!.outlook?.kind).toBe('growth')
    expect(b!.education?.text).toBeTruthy()
    expect(b!.jobZone?.zone).toBe(4)
  })

  it('says so when the pay figures are not the same statistic', async () => {
    const c = await get<S.Comparison>('/api/v1/compare?careers=software-developers,software-developer')
    expect(c.sharedPay).toBe(false)
    expect(c.careers[0]!.payNote).toMatch(/Not the same figure/)
    expect(c.careers[1]!.pay).toBeNull()
    expect(c.careers[1]!.payNote).toMatch(/No pay figure/)
  })

  it('marks the top skills another compared career also needs, and lists the shared skills', async () => {
    const c = await get<S.Comparison>('/api/v1/compare?careers=back-end-developer,front-end-developer,full-stack-developer')
    expect(c.careers).toHaveLength(3)
    expect(c.sharedSkills.length).toBeGreaterThan(0)
    const top = c.sharedSkills[0]!
    expect(top.careers.length).toBeGreaterThanOrEqual(2)
    const marked = c.careers.flatMap((x) => x.topSkills).filter((s) => s.shared)
    expect(marked.length).toBeGreaterThan(0)
    for (const career of c.careers) {
      for (const skill of career.topSkills) {
        const elsewhere = c.sharedSkills.some((s) => s.id === skill.id && s.careers.includes(career.career.slug))
        if (skill.shared) expect(elsewhere || c.sharedSkills.length === 20, `${career.career.slug} ${skill.id}`).toBe(true)
      }
    }
  })

  it('takes 2 to 4 different careers and names what is wrong otherwise', async () => {
    const one = await problem('/api/v1/compare?careers=back-end-developer', 400, 'request.invalid')
    expect(JSON.stringify(one.errors)).toContain('/querystring/careers')
    await problem('/api/v1/compare?careers=back-end-developer,back-end-developer', 400, 'request.invalid')
    await problem('/api/v1/compare?careers=a,b,c,d,e', 400, 'request.invalid')
    const unknown = await problem('/api/v1/compare?careers=back-end-developer,astronaut', 404, 'career.not_found')
    expect(unknown.id).toBe('astronaut')
  })
})

describe('related careers and moves', () => {
  it('shows the official related careers beside those computed from skill overlap', async () => {
    const r = await get<S.RelatedCareers>('/api/v1/careers/back-end-developer/related')
    expect(r.official.map((o) => o.slug)).toContain('web-developer')
    expect(r.bySkills.length).toBeGreaterThan(0)
    expect(r.bySkills.map((o) => o.career.slug)).not.toContain('back-end-developer')
    const sims = r.bySkills.map((o) => o.similarity)
    expect(sims).toEqual([...sims].sort((a, b) => b - a))
    expect(r.bySkills.every((o) => o.shared >= 3 && o.similarity > 0 && o.similarity <= 1)).toBe(true)
  })

  it('ranks where one can move by how much of the target one already covers, with the skills to add', async () => {
    const m = await get<S.CareerMoves>('/api/v1/careers/back-end-developer/moves?limit=100')
    expect(m.from.slug).toBe('back-end-developer')
    const scores = m.items.map((i) => i.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const i of m.items) expect(i.score).toBeCloseTo(Math.sqrt(i.coverage * i.similarity), 2)
    // The curated pathway lists Python, C#, Git… which the O*NET technologies of Software Developers
    // name too: they count as covered, and only what is missing is left to add.
    const developers = m.items.find((i) => i.career.slug === 'software-developers')!
    expect(developers.shared).toBeGreaterThanOrEqual(3)
    expect(developers.coverage).toBeGreaterThan(0)
    const toAdd = developers.skillsToAdd.map((s) => s.id)
    expect(toAdd).not.toContain('onet-tech:python')
    expect(toAdd).not.toContain('onet-tech:git')
    const own = new Set((await get<S.CareerProfile>('/api/v1/careers/back-end-developer')).skills.combined.map((s) => s.id))
    for (const item of m.items) for (const s of item.skillsToAdd) expect(own.has(s.id), s.id).toBe(false)
    const gaps = developers.skillsToAdd.map((s) => s.weight - s.have)
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a))
    expect(gaps.every((g) => g > 0.1)).toBe(true)
    const strict = await get<S.CareerMoves>('/api/v1/careers/back-end-developer/moves?minCoverage=0.5&limit=100')
    expect(strict.items.every((i) => i.coverage >= 0.5)).toBe(true)
    expect(strict.total).toBeLessThanOrEqual(m.total)
  })

  it('answers 404 for an unknown career', async () => {
    await problem('/api/v1/careers/astronaut/related', 404, 'career.not_found')
    await problem('/api/v1/careers/astronaut/moves', 404, 'career.not_found')
  })
})
