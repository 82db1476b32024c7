/**
 * The O*NET mapper over the real published files in ../shared/data, when that folder exists (it is not
 * part of the repository). The timing is attached to the test as an annotation (shown by --reporter=verbose).
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runImporter } from '../shared/run-importer.js'
import { onetImporter } from './onet.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const ONET_DIR = `${SHARED_DATA}/onet-29.3`

describe.skipIf(!existsSync(ONET_DIR))(`O*NET 29.3 real files (skipped when ${ONET_DIR} is absent)`, () => {
  it('maps 1,016 occupations; Software Developers keeps its plain slug', { timeout: 120_000 }, async ({ annotate }) => {
    const started = performance.now()
    const { sink, summary } = await runImporter(onetImporter, ONET_DIR)
    await annotate(`O*NET import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}`)
    const careers = sink.of('careers')
    expect(careers).toHaveLength(1016)
    expect(careers.find((c) => c.id === 'onet:15-1252.00')?.slug).toBe('software-developers')
    expect(new Set(careers.map((c) => c.slug)).size).toBe(1016)
    const keys = (rows: { career_id: string; skill_id: string }[]) => new Set(rows.map((r) => `${r.career_id}|${r.skill_id}`)).size
    expect(keys(sink.of('career_skills'))).toBe(sink.of('career_skills').length)
    expect(sink.of('career_tasks').some((t) => t.task === 'Conduct "head counts" to help predict the outcome of upcoming votes.')).toBe(true)
  })
})
