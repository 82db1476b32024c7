import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CareerProfile, Fact } from '../../shared/schemas.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

// Every fact and figure of the five seed documents must be retrievable through the API with its
// source, period and place. This runs against the real curated catalog under catalog/.
let t: TestApp
let profile: CareerProfile
let facts: Fact[]

beforeAll(async () => {
  t = await createTestApp()
  profile = (await t.app.inject('/api/v1/careers/back-end-developer')).json()
  facts = (await t.app.inject('/api/v1/careers/back-end-developer/facts')).json().items
})
afterAll(async () => {
  await t?.close()
})

const find = (kind: string, value: number, currency?: string) =>
  facts.filter((f) => f.kind === kind && f.value === value && (currency === undefined || f.currency === currency))

describe('the Back-End Developer seed catalog', () => {
  it.each([
    [171776, 'Coursera', '2025'],
    [131450, 'Bureau of Labor Statistics', '2024-05'],
    [148000, 'Glassdoor', '2025'],
    [103902, 'Glassdoor', '2024-02'],
    [80730, 'Bureau of Labor Statistics', '2022'],
    [145000, undefined, undefined],
    [90930, 'Bureau of Labor Statistics', '2024-05'],
  ])('has the US salary figure %d with its source (%s) and period (%s)', (value, publisher, period) => {
    const matches = find('salary', value, 'USD').filter((f) => f.place.id === 'united-states')
    expect(matches.length, `salary ${value}`).toBeGreaterThan(0)
    const fact = matches[0] as Fact
    if (publisher) expect(fact.source.publisher).toContain(publisher)
    if (period) expect(fact.period?.value).toBe(period)
    expect(fact.scope.label).toBeTruthy()
    expect(fact.statistic).toMatch(/median|mean|average/)
  })

  it('marks Glassdoor’s 2025 figure as approximate, as the page does', () => {
    expect(find('salary', 148000)[0]?.approximate).toBe(true)
  })

  it.each([
    ['new-york', 145000, 'USD'], ['san-francisco', 195000, 'USD'], ['austin', 136000, 'USD'], ['toronto', 133000, 'CAD'],
    ['london', 77000, 'GBP'], ['paris', 54000, 'EUR'], ['berlin', 81000, 'EUR'], ['tel-aviv', 472000, 'ILS'],
    ['shanghai', 488000, 'CNY'], ['bengaluru', 2580000, 'INR'], ['delhi', 1250000, 'INR'],
  ])('keeps the %s salary in its own currency (%d %s) and shows USD at a stated rate', (place, value, currency) => {
    const city = profile.salaryPanel.cities.find((f) => f.place.id === place)
    expect(city).toMatchObject({ value, currency, statistic: 'median' })
    expect(city?.source.publisher).toContain('OpenCourser')
    if (currency !== 'USD') {
      expect(city?.usd?.rate).toBeGreaterThan(0)
      expect(city?.usd?.ratePeriod).toBe('2024')
      expect(city?.usd?.rateSource.publisher).toBeTruthy()
      expect(city?.usd?.annualUsd).toBeCloseTo(value / (city?.usd?.rate ?? 1), -3)
    }
  })

  it('has both job-listing counts with their sources', () => {
    expect(find('job-postings', 22418)[0]).toMatchObject({ statistic: 'count', period: { value: '2025' } })
    expect(find('job-postings', 13)).toHaveLength(1)
  })

  it.each([
    [17, '2023/2033'],
    [16, '2022/2032'],
    [7.5, '2024/2034'],
  ])('has growth of %d%% for %s from BLS projections', (value, period) => {
    const growth = find('growth', value)[0]
    expect(growth?.period?.value).toBe(period)
    expect(growth?.source.publisher).toContain('Bureau of Labor Statistics')
  })

  it('has the O*NET Bright Outlook designation of the parent occupation', () => {
    expect(facts.find((f) => f.kind === 'outlook')).toMatchObject({ label: 'Bright Outlook', statistic: 'designation' })
  })

  it('explains every national salary figure against the reference', () => {
    const { reference, rows } = profile.salaryPanel
    expect(reference).not.toBeNull()
    expect(rows.length).toBeGreaterThanOrEqual(7)
    for (const row of rows) {
      if (row.fact.id === reference?.id) continue
      expect(row.explanation.length, row.fact.id).toBeGreaterThan(20)
    }
    const coursera = rows.find((r) => r.fact.value === 171776)
    expect(coursera?.differences.map((d) => d.dimension)).toContain('scope')
  })

  it('has the specialisation tracks with their salary ranges', () => {
    const ranges = profile.specialisations.map((s) => [s.title, s.salary?.low, s.salary?.high])
    expect(ranges).toEqual(expect.arrayContaining([
      [expect.stringMatching(/Database Administrator/), 70000, 120000],
      [expect.stringMatching(/API Developer/), 80000, 130000],
    ]))
  })

  it('has every credential with provider, level, course count and duration', () => {
    const byTitle = (pattern: RegExp) => profile.credentials.find((c) => pattern.test(c.title))
    expect(byTitle(/IBM Back-End Development/)).toMatchObject({ courseCount: 11, level: 'beginner', provider: { name: 'IBM' }, duration: { min: 3, max: 6, unit: 'months' } })
    expect(byTitle(/IBM JavaScript Back-End/)).toMatchObject({ courseCount: 13, level: 'beginner' })
    expect(byTitle(/Meta Back-End/)).toMatchObject({ courseCount: 9, level: 'beginner', provider: { name: 'Meta' } })
    expect(byTitle(/Microsoft Back-End/)).toMatchObject({ courseCount: 8, level: 'beginner' })
    expect(byTitle(/Google Cloud/)).toMatchObject({ courseCount: 5, level: 'intermediate' })
    expect(profile.credentials.find((c) => c.provider.name === 'Board Infinity')).toMatchObject({ level: 'advanced', type: 'course', duration: { min: 1, max: 4, unit: 'weeks' } })
    const ibm = byTitle(/IBM Back-End Development/)
    expect(ibm?.skills.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Django/), expect.stringMatching(/Flask/), expect.stringMatching(/Kubernetes/)]))
  })

  it('has every scored skill with its score and the counts the source states', () => {
    const scored = profile.skills.sets.find((s) => s.scaleMax === 5)
    expect(scored?.statedCounts).toEqual({ specialized: 28, common: 2 })
    const score = (pattern: RegExp) => scored?.skills.find((s) => pattern.test(s.name))?.score
    expect(score(/^Java\b(?!Script)/)).toBe(5)
    expect(score(/Scalability/)).toBe(5)
    expect(score(/^Git\b/)).toBe(4.9)
    expect(score(/Ruby/)).toBe(4.8)
    expect(score(/Troubleshooting|Problem solving/i)).toBe(5)
    expect(score(/Communication/i)).toBe(4.8)
    expect(scored?.skills.filter((s) => s.score !== null)).toHaveLength(21)
  })

  it('has education, experience, the traditional path and the progression', () => {
    expect(profile.education?.typical).toMatch(/Bachelor/)
    expect(profile.experience).toMatchObject({ min: 4.9, max: 6.1, unit: 'years' })
    expect(profile.pathway.traditionalPath[0]?.duration).toMatchObject({ min: 4, max: 4, unit: 'years' })
    expect(profile.pathway.progression.map((s) => s.level)).toEqual(expect.arrayContaining(['junior', 'senior', 'lead', 'management']))
    expect(profile.pathway.gettingStarted.length).toBeGreaterThanOrEqual(5)
    expect(profile.pathway.advancement.length).toBeGreaterThanOrEqual(4)
    expect(profile.personalityTraits).toHaveLength(5)
    expect(profile.responsibilities.length).toBeGreaterThanOrEqual(5)
    expect(profile.selfGuidedProjects.length).toBeGreaterThanOrEqual(5)
    expect(profile.faq.length).toBeGreaterThanOrEqual(5)
  })

  it('links the seven related careers, each a career with a summary and official codes', async () => {
    const slugs = ['full-stack-developer', 'front-end-developer', 'cloud-engineer', 'devops-engineer', 'database-engineer', 'api-microservices-engineer', 'web-developer']
    expect(profile.related.map((r) => r.slug).sort()).toEqual([...slugs].sort())
    for (const slug of slugs) {
      const res = await t.app.inject(`/api/v1/careers/${slug}`)
      expect(res.statusCode, slug).toBe(200)
      const related = res.json() as CareerProfile
      expect(related.summary.length).toBeGreaterThan(20)
      expect(related.codes.some((c) => c.system === 'onet-soc')).toBe(true)
    }
  })

  it('lists official codes with the mapping granularity', () => {
    expect(profile.codes).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'onet-soc', code: '15-1254.00', granularity: 'broader' })]))
  })

  it('cites every source it shows, with attribution where the source has one', () => {
    const ids = new Set(profile.sources.map((s) => s.id))
    for (const fact of facts) expect(ids.has(fact.source.id), fact.id).toBe(true)
    expect(profile.sources.some((s) => s.seedDocument)).toBe(true)
  })
})
