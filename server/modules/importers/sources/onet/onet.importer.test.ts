import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fromJson } from '../../../../platform/db/json.js'
import { ImportInputError } from '../../import-types.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import type { OnetProfile } from './onet-profile.js'
import { onetImporter } from './onet.importer.js'

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/import/onet')
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

/** A copy of the fixture with one file's text changed. */
async function fixtureWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'onet-'))
  temps.push(dir)
  await cp(FIXTURE, dir, { recursive: true })
  await writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8')))
  return dir
}

describe('onetImporter on the fixture', async () => {
  const { sink, summary, progress } = await runImporter(onetImporter, FIXTURE)
  const careers = sink.of('careers')
  const skillsOf = (career: string) => sink.of('career_skills').filter((s) => s.career_id === `onet:${career}`)

  it('emits rows per table, counted in the summary', () => {
    const counts = {
      sources: 1, careers: 3, career_codes: 6, career_aliases: 9, career_tasks: 6, skills: 15,
      career_skill_sets: 3, career_skills: 21, career_relations: 4,
    }
    expect(sink.counts()).toEqual(counts)
    expect(summary.rows).toEqual(counts)
    expect(summary.notes).toEqual([expect.stringMatching(/^1 of 3 occupations have no skill or knowledge ratings/)])
    expect(progress.at(-1)).toBeGreaterThan(100)
  })

  it('recognises the folder and lists the files it reads', async () => {
    const input = await openInput(FIXTURE)
    expect(onetImporter.recognises(input)).toBe(true)
    expect(onetImporter.files(input)).toHaveLength(15)
    await input.close()
  })

  it('writes the sources row first, with the release from the Read Me', () => {
    expect(sink.rows[0]?.table).toBe('sources')
    expect(sink.of('sources')[0]).toMatchObject({ id: 'onet-29-3', version: '29.3', published: '2025-05', title: 'O*NET 29.3 Database' })
  })

  it('emits a complete career row with job zone and RIASEC interests', () => {
    const developer = careers.find((c) => c.id === 'onet:15-1252.00')
    expect(developer).toEqual({
      id: 'onet:15-1252.00', origin: 'onet', slug: 'software-developers', title: 'Software Developers',
      summary: 'Research, design, and develop computer and network software or specialized utility programs.',
      description: null, field_path: '["Computer and Mathematical Occupations","Software Developers"]',
      education: null, experience: null, position: 2, job_zone: 4, attributes: expect.any(String) as string,
    })
    const attributes = fromJson<OnetProfile | null>(developer?.attributes, null)
    expect(attributes?.jobZone).toMatchObject({ zone: 4, name: 'Job Zone Four: Considerable Preparation Needed' })
    expect(attributes?.jobZone?.education).toMatch(/four-year bachelor's degree/)
    expect(attributes?.interests.map((i) => [i.code, i.score])).toEqual([
      ['R', 3.93], ['I', 5.86], ['A', 2.26], ['S', 1.88], ['E', 1.87], ['C', 5.46],
    ])
    expect(attributes?.education).toEqual([])
  })

  it('turns education, experience and training into percent per labelled category', () => {
    const chief = fromJson<OnetProfile | null>(careers.find((c) => c.id === 'onet:11-1011.00')?.attributes, null)
    expect(chief?.education).toHaveLength(12)
    expect(chief?.education.find((e) => e.category === 8)).toEqual({ category: 8, label: "Master's Degree", percent: 45.91 })
    expect(chief?.relatedExperience[0]).toEqual({ category: 1, label: 'None', percent: 0 })
    expect(chief?.relatedExperience.at(-1)).toEqual({ category: 11, label: 'Over 10 years', percent: 68.24 })
    expect(chief?.onSiteTraining).toHaveLength(9)
    expect(chief?.onTheJobTraining[0]).toEqual({ category: 1, label: 'None or short demonstration', percent: 4.57 })
  })

  it('codes: O*NET-SOC exact; SOC exact for .00 and broader for .03', () => {
    const codes = sink.of('career_codes').map((c) => [c.career_id, c.system, c.code, c.granularity, c.title])
    expect(codes).toContainEqual(['onet:15-1252.00', 'soc-2018', '15-1252', 'exact', 'Software Developers'])
    expect(codes).toContainEqual(['onet:11-1011.03', 'onet-soc', '11-1011.03', 'exact', 'Chief Sustainability Officers'])
    expect(codes).toContainEqual(['onet:11-1011.03', 'soc-2018', '11-1011', 'broader', 'Chief Executives'])
  })

  it('de-duplicates aliases across both title files, case- and space-insensitively, without the title', () => {
    const aliases = (career: string) => sink.of('career_aliases').filter((a) => a.career_id === `onet:${career}`).map((a) => [a.alias, a.position])
    expect(aliases('15-1252.00')).toEqual([['Application Developer', 0], ['Software Engineer', 1], ['Software Architect', 2]])
    expect(aliases('11-1011.03').map(([alias]) => alias)).toEqual([
      'Chief Sustainability Officer (CSO)', 'Corporate Sustainability Manager', 'Sustainability Director',
    ])
  })

  it('keeps task order and type, and reads quoted task text', () => {
    const tasks = sink.of('career_tasks').filter((t) => t.career_id === 'onet:11-1011.00')
    expect(tasks.map((t) => [t.position, t.task_type])).toEqual([[0, 'Core'], [1, 'Core'], [2, 'Supplemental']])
    expect(tasks[2]?.task).toBe('Prepare budgets for approval, including "what-if" scenarios.')
    expect(sink.of('career_tasks').find((t) => t.career_id === 'onet:15-1252.00')?.task_type).toBeNull()
  })

  it('rates skills and knowledge by importance and level, most important first', () => {
    const chief = skillsOf('11-1011.00')
    expect(chief.slice(0, 2).map((s) => [s.skill_id, s.kind, s.importance, s.level, s.score, s.position])).toEqual([
      ['onet:2.C.1.a', 'knowledge', 4.78, 6.5, 4.78, 0],
      ['onet:2.B.4.e', 'common', 4.75, 5.38, 4.75, 1],
    ])
    expect(skillsOf('11-1011.03').find((s) => s.skill_id === 'onet:2.B.3.e')).toMatchObject({ note: 'Not relevant', level: 0 })
    expect(sink.of('skills').find((s) => s.id === 'onet:2.B.4.e')).toEqual({
      id: 'onet:2.B.4.e', origin: 'onet', name: 'Judgment and Decision Making', kind: 'common', alt_labels: '[]',
      description: 'Considering the relative costs and benefits of potential actions to choose the most appropriate one.',
      esco_uri: null, onet_element: '2.B.4.e',
    })
  })

  it('lists technology after rated elements, hot and in-demand first, with both flags', () => {
    expect(skillsOf('11-1011.00').slice(6).map((s) => [s.skill_id, s.position, s.hot_technology, s.in_demand])).toEqual([
      ['onet-tech:microsoft-outlook', 6, 1, 1], ['onet-tech:adobe-acrobat', 7, 1, 0], ['onet-tech:atlassian-jira', 8, 0, 0],
    ])
    const developer = skillsOf('15-1252.00')
    expect(developer.find((s) => s.skill_id === 'onet-tech:c-plus-plus')).toMatchObject({ kind: 'technology', score: null, importance: null, hot_technology: 1 })
    expect(developer.find((s) => s.skill_id === 'onet-tech:eclipse-ide')).toMatchObject({ hot_technology: 0, in_demand: 0 })
    expect(sink.of('skills').find((s) => s.id === 'onet-tech:atlassian-jira')).toMatchObject({
      kind: 'technology', name: 'Atlassian JIRA', onet_element: '43232201', description: 'Commodity: Content workflow software',
    })
  })

  it('emits each skill once, before any career skill that uses it, and one skill set per career', () => {
    const firstUse = sink.rows.findIndex((r) => r.table === 'career_skills')
    const lastSkill = sink.rows.findLastIndex((r) => r.table === 'skills')
    expect(lastSkill).toBeLessThan(firstUse)
    expect(new Set(sink.of('skills').map((s) => s.id)).size).toBe(15)
    expect(sink.of('career_skill_sets')[0]).toEqual({
      career_id: 'onet:11-1011.00', source_id: 'onet-29-3', scale_max: 5, stated_specialized: null, stated_common: null, position: 0,
    })
  })

  it('relates occupations with tier and rank', () => {
    expect(sink.of('career_relations')[1]).toEqual({
      career_id: 'onet:11-1011.00', related_id: 'onet:15-1252.00', relatedness: 'Supplemental', position: 2,
      sources: '["onet-29-3"]', note: null,
    })
  })

  it('suffixes a slug the curated catalog already uses', async () => {
    const { sink: reserved } = await runImporter(onetImporter, FIXTURE, new Set(['software-developers']))
    expect(reserved.of('careers').find((c) => c.id === 'onet:15-1252.00')?.slug).toBe('software-developers-onet')
  })

  it('emits the same rows in the same order on every run', async () => {
    const again = await runImporter(onetImporter, FIXTURE)
    expect(again.sink.rows).toEqual(sink.rows)
  })
})

describe('onetImporter on other inputs', () => {
  it('takes the release from the Read Me', async () => {
    const dir = await fixtureWith('Read Me.txt', (text) => text.replace('29.3', '30.1').replace('May 2025', 'November 2025'))
    const { sink } = await runImporter(onetImporter, dir)
    expect(sink.of('sources')[0]).toMatchObject({ id: 'onet-30-1', version: '30.1', published: '2025-11' })
    expect(new Set(sink.of('career_skills').map((s) => s.source_id))).toEqual(new Set(['onet-30-1']))
  })

  it('rejects a row whose O*NET-SOC code is not an occupation, naming file and line', async () => {
    const dir = await fixtureWith('Skills.txt', (text) => text.replace('11-1011.03\tChief', '99-9999.00\tChief'))
    const error = await runImporter(onetImporter, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect(error).toMatchObject({ file: 'Skills.txt', line: 10 })
    expect((error as Error).message).toContain('unknown O*NET-SOC code "99-9999.00"')
  })

  it('rejects a value that is not a number, naming file, line and column', async () => {
    const dir = await fixtureWith('Knowledge.txt', (text) => text.replace('\t3.82\t', '\tn/a\t'))
    await expect(runImporter(onetImporter, dir)).rejects.toThrow('Knowledge.txt:4: column "Data Value": expected a number, found "n/a"')
  })

  it('rejects a hot-technology flag other than Y or N', async () => {
    const dir = await fixtureWith('Technology Skills.txt', (text) => text.replace('Git\t43232203\tFile versioning software\tY', 'Git\t43232203\tFile versioning software\tyes'))
    await expect(runImporter(onetImporter, dir)).rejects.toThrow(/Technology Skills\.txt:10: column "Hot Technology": expected Y or N/)
  })
})
