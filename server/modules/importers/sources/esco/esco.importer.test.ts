import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fromJson } from '../../../../platform/db/json.js'
import { openInput } from '../../input/index.js'
import { runImporter } from '../shared/run-importer.js'
import { escoImporter } from './esco.importer.js'

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/import/esco')
const UNPACKED = join(FIXTURES, 'unpacked')
const ZIPPED = join(FIXTURES, 'zipped')
const DEVELOPER = 'esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1'
const temps: string[] = []
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))))

describe('escoImporter on the fixture', async () => {
  const { sink, summary } = await runImporter(escoImporter, ZIPPED)

  it('emits rows per table, counted in the summary, and explains skipped relations', () => {
    const counts = {
      sources: 1, skills: 7, careers: 3, career_codes: 6, career_aliases: 10, career_skill_sets: 2, career_skills: 7,
    }
    expect(sink.counts()).toEqual(counts)
    expect(summary.rows).toEqual(counts)
    expect(summary.notes).toEqual([
      '2 occupation–skill relations skipped: their occupation (1 distinct) is not in occupations_en.csv.',
      '1 occupation–skill relations skipped: their skill is not in skills_en.csv.',
      '1 occupation–skill relations skipped: the same occupation and skill were already related.',
    ])
  })

  it('reads the published zips and the unpacked CSVs the same way', async () => {
    const unpacked = await runImporter(escoImporter, UNPACKED)
    expect(unpacked.sink.rows).toEqual(sink.rows)
    const input = await openInput(ZIPPED)
    expect(escoImporter.recognises(input)).toBe(true)
    expect(escoImporter.files(input)).toEqual([
      'occupations_en.csv', 'skills_en.csv', 'ISCOGroups_en.csv', 'transversalSkillsCollection_en.csv', 'occupationSkillRelations.csv',
    ])
    await input.close()
  })

  it('writes the sources row with the ESCO attribution', () => {
    expect(sink.of('sources')).toEqual([expect.objectContaining({
      id: 'esco-1-1-1', origin: 'esco', publisher: 'European Commission', version: '1.1.1', kind: 'reference-data',
      licence: 'CC BY 4.0 (European Commission reuse policy)', attribution: 'This service uses the ESCO classification of the European Commission.',
    })])
  })

  it('emits a complete career row with the ISCO field path', () => {
    expect(sink.of('careers').find((c) => c.id === DEVELOPER)).toEqual({
      id: DEVELOPER, origin: 'esco', slug: 'software-developer', title: 'software developer',
      summary: 'Software developers implement or program all kinds of software systems based on specifications and designs by using programming languages, tools, and platforms.',
      description: null,
      field_path: '["Professionals","Information and communications technology professionals","Software and applications developers and analysts","Software developers"]',
      education: null, experience: null, position: 2, job_zone: null,
      attributes: '{"iscoGroup":"2512","code":"2512.4","regulatedProfessionNote":"http://data.europa.eu/esco/regulated-professions/unregulated","scopeNote":"Includes people performing software design."}',
    })
    const scientist = sink.of('careers').find((c) => c.title === 'data scientist')
    expect(scientist?.summary).toBe('Data scientists find and interpret rich data sources.')
  })

  it('codes the ESCO concept exactly and its ISCO unit group as broader', () => {
    expect(sink.of('career_codes').filter((c) => c.career_id === DEVELOPER).map((c) => [c.system, c.code, c.granularity, c.sources])).toEqual([
      ['esco', 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', 'exact', '["esco-1-1-1"]'],
      ['isco-08', '2512', 'broader', '["esco-1-1-1"]'],
    ])
  })

  it('takes aliases from altLabels without the title, repeats or hidden labels', () => {
    const aliases = (title: string) => {
      const id = sink.of('careers').find((c) => c.title === title)?.id
      return sink.of('career_aliases').filter((a) => a.career_id === id).map((a) => a.alias)
    }
    expect(aliases('technical director')).toEqual(['technical and operations director', 'head of technical', 'Technical Manager'])
    expect(aliases('data scientist')).toEqual(['data research scientist', 'data expert'])
  })

  it('classes skills as knowledge, common (transversal) or specialized', () => {
    const kinds = Object.fromEntries(sink.of('skills').map((s) => [s.name, s.kind]))
    expect(kinds).toMatchObject({ 'computer programming': 'knowledge', 'show initiative': 'common', 'provide technical documentation': 'specialized', 'ICT safety': 'specialized' })
    const programming = sink.of('skills').find((s) => s.name === 'computer programming')
    expect(programming).toMatchObject({ id: 'esco:21d2f96d-35f7-4e3f-9745-c533d2dd6e97', esco_uri: 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', onet_element: null })
    expect(fromJson(programming?.alt_labels, [])).toEqual(['programming', 'software programming'])
  })

  it('lists essential skills first, then optional ones, each in file order', () => {
    const rows = sink.of('career_skills').filter((s) => s.career_id === DEVELOPER)
    expect(rows.map((s) => [s.skill_id.slice(5, 9), s.relation, s.kind, s.position])).toEqual([
      ['21d2', 'essential', 'knowledge', 0], ['6014', 'essential', 'knowledge', 1], ['04df', 'essential', 'specialized', 2],
      ['0e0c', 'optional', 'specialized', 3], ['0011', 'optional', 'common', 4],
    ])
    expect(rows[0]).toMatchObject({ source_id: 'esco-1-1-1', score: null, importance: null, level: null, hot_technology: null })
    expect(sink.of('career_skill_sets').map((s) => [s.career_id, s.scale_max])).toEqual([
      ['esco:00030d09-2b3a-4efd-87cc-c4ea39d27c34', null], [DEVELOPER, null],
    ])
  })

  it('emits skills and careers before the rows that reference them', () => {
    const index = (table: string, last = false) => (last ? sink.rows.findLastIndex((r) => r.table === table) : sink.rows.findIndex((r) => r.table === table))
    expect(index('skills', true)).toBeLessThan(index('career_skills'))
    expect(index('careers', true)).toBeLessThan(index('career_codes'))
  })

  it('suffixes a slug the curated catalog already uses', async () => {
    const { sink: reserved } = await runImporter(escoImporter, ZIPPED, new Set(['software-developer']))
    expect(reserved.of('careers').find((c) => c.id === DEVELOPER)?.slug).toBe('software-developer-esco')
  })

  it('emits the same rows in the same order on every run', async () => {
    expect((await runImporter(escoImporter, ZIPPED)).sink.rows).toEqual(sink.rows)
  })

  it('without the transversal collection, marks no skill common and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'esco-'))
    temps.push(dir)
    await cp(UNPACKED, dir, { recursive: true, filter: (src) => !src.endsWith('transversalSkillsCollection_en.csv') })
    const { sink: without, summary: notes } = await runImporter(escoImporter, dir)
    expect(without.of('skills').find((s) => s.name === 'show initiative')?.kind).toBe('specialized')
    expect(notes.notes[0]).toMatch(/transversalSkillsCollection_en\.csv is not in the input/)
  })
})
