import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CatalogError, loadCatalog } from './catalog-loader.js'

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/catalog-min')
const temps: string[] = []

/** A copy of the fixture catalog with one file replaced. */
function catalogWith(file: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'))
  temps.push(dir)
  fs.cpSync(FIXTURE, dir, { recursive: true })
  fs.writeFileSync(path.join(dir, file), content)
  return dir
}

function problemsOf(dir: string) {
  try {
    loadCatalog(dir)
  } catch (error) {
    if (error instanceof CatalogError) return error.problems
    throw error
  }
  throw new Error('expected the catalog to be rejected')
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('loadCatalog', () => {
  it('loads a valid catalog with every file and career', () => {
    const bundle = loadCatalog(FIXTURE)
    expect(bundle.careers.map((c) => c.slug)).toEqual(['data-clerk', 'records-manager'])
    expect(bundle.sources).toHaveLength(3)
    expect(bundle.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives the same hash for the same files and another when a file changes', () => {
    const again = catalogWith('providers.yaml', fs.readFileSync(path.join(FIXTURE, 'providers.yaml'), 'utf8'))
    expect(loadCatalog(again).hash).toBe(loadCatalog(FIXTURE).hash)
    const changed = catalogWith('providers.yaml', 'providers:\n  - { id: acme, name: Acme Academy, kind: training-provider }\n')
    expect(loadCatalog(changed).hash).not.toBe(loadCatalog(FIXTURE).hash)
  })

  it('names the file, the JSON pointer, the line and what is wrong for a schema error', () => {
    const dir = catalogWith('skills.yaml', 'skills:\n  - { id: sql, name: SQL, kind: technology }\n  - { id: teamwork, name: Teamwork, kind: soft }\n')
    const [problem] = problemsOf(dir)
    expect(problem).toMatchObject({ file: 'skills.yaml', pointer: '/skills/1/kind', line: 3 })
    expect(problem?.message).toBeTruthy()
  })

  it('reports an unknown property by its own pointer', () => {
    const dir = catalogWith('providers.yaml', 'providers:\n  - { id: acme, name: Acme, kind: company, colour: red }\n')
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'providers.yaml', pointer: '/providers/0/colour', message: 'unknown property "colour"' }))
  })

  it('reports YAML syntax errors with a line', () => {
    const dir = catalogWith('places.yaml', 'places:\n  - { id: london, name: "London }\n')
    const [problem] = problemsOf(dir)
    expect(problem?.file).toBe('places.yaml')
    expect(problem?.line).toBeGreaterThan(0)
  })

  it('rejects a reference to an unknown source, naming where it is', () => {
    const career = fs.readFileSync(path.join(FIXTURE, 'careers/data-clerk.yaml'), 'utf8').replace('source: stats-office\n    reference: true', 'source: nobody\n    reference: true')
    const problems = problemsOf(catalogWith('careers/data-clerk.yaml', career))
    expect(problems).toContainEqual(expect.objectContaining({ file: 'careers/data-clerk.yaml', pointer: '/facts/0/source', message: 'unknown source "nobody"' }))
  })

  it('rejects a money figure whose currency has no exchange rate', () => {
    const career = fs.readFileSync(path.join(FIXTURE, 'careers/data-clerk.yaml'), 'utf8').replace('currency: GBP', 'currency: JPY')
    const problems = problemsOf(catalogWith('careers/data-clerk.yaml', career))
    expect(problems.some((p) => p.pointer === '/facts/2' && p.message.includes('JPY'))).toBe(true)
  })

  it('rejects a range whose low is above its high', () => {
    const career = fs.readFileSync(path.join(FIXTURE, 'careers/data-clerk.yaml'), 'utf8').replace('low: 35000, high: 50000', 'low: 60000, high: 50000')
    expect(problemsOf(catalogWith('careers/data-clerk.yaml', career))).toContainEqual(expect.objectContaining({ pointer: '/specialisations/0/salary', message: 'low is greater than high' }))
  })

  it('rejects a career whose slug does not match its file name', () => {
    const career = fs.readFileSync(path.join(FIXTURE, 'careers/records-manager.yaml'), 'utf8').replace('slug: records-manager', 'slug: records-boss')
    const problems = problemsOf(catalogWith('careers/records-manager.yaml', career))
    expect(problems.map((p) => p.message).join('\n')).toMatch(/does not match the file name|unknown career/)
  })

  it('accepts stated hours, price and prerequisites on credentials and resources', () => {
    const dir = catalogWith('resources.yaml', [
      'resources:',
      '  - { id: sql-basics, kind: course, title: SQL basics, skills: [sql], sources: [job-site], hours: 12, cost: { amount: 0, currency: USD } }',
      '  - { id: sql-tuning, kind: course, title: SQL tuning, level: advanced, skills: [sql], sources: [job-site], prerequisites: [sql-basics, acme-sql-certificate] }',
      '',
    ].join('\n'))
    const bundle = loadCatalog(dir)
    expect(bundle.resources.find((r) => r.id === 'sql-tuning')?.prerequisites).toEqual(['sql-basics', 'acme-sql-certificate'])
  })

  it('rejects prerequisites that do not exist, name the item itself, or loop', () => {
    const dir = catalogWith('resources.yaml', [
      'resources:',
      '  - { id: sql-basics, kind: course, title: SQL basics, skills: [sql], sources: [job-site], prerequisites: [sql-tuning] }',
      '  - { id: sql-tuning, kind: course, title: SQL tuning, skills: [sql], sources: [job-site], prerequisites: [sql-basics, no-such-course, sql-tuning] }',
      '',
    ].join('\n'))
    const problems = problemsOf(dir)
    expect(problems).toContainEqual(expect.objectContaining({ file: 'resources.yaml', pointer: '/resources/1/prerequisites/1', message: 'unknown credential or resource "no-such-course"' }))
    expect(problems).toContainEqual(expect.objectContaining({ file: 'resources.yaml', pointer: '/resources/1/prerequisites/2', message: 'an item cannot be its own prerequisite' }))
    expect(problems).toContainEqual(expect.objectContaining({ file: 'resources.yaml', message: expect.stringMatching(/^prerequisites loop: sql-basics → sql-tuning → sql-basics$/) }))
  })

  it('reports a missing file by name', () => {
    const dir = catalogWith('sources.yaml', '')
    fs.rmSync(path.join(dir, 'sources.yaml'))
    expect(problemsOf(dir)).toContainEqual(expect.objectContaining({ file: 'sources.yaml', message: 'file is missing' }))
  })

  it('puts the file, pointer and line into the error message people read', () => {
    const dir = catalogWith('skills.yaml', 'skills:\n  - { id: Bad Id, name: SQL, kind: technology }\n')
    expect(() => loadCatalog(dir)).toThrow(/skills\.yaml: at \/skills\/0\/id \(line 2, column \d+\): /)
  })
})
