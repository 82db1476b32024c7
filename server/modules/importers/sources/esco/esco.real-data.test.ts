/**
 * The ESCO mapper over the real published files in ../shared/data, when that folder exists (it is not
 * part of the repository). The timing is attached to the test as an annotation (shown by --reporter=verbose).
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runImporter } from '../shared/run-importer.js'
import { escoImporter } from './esco.importer.js'
import { SHARED_DATA } from '../../../../../test/support/shared-data.js'

const ESCO_DIR = `${SHARED_DATA}/esco-v1.1.1`

describe.skipIf(!existsSync(ESCO_DIR))(`ESCO v1.1.1 real files (skipped when ${ESCO_DIR} is absent)`, () => {
  it('maps 3,007 occupations and 13,896 skills', { timeout: 120_000 }, async ({ annotate }) => {
    const started = performance.now()
    const { sink, summary } = await runImporter(escoImporter, ESCO_DIR)
    await annotate(`ESCO import: ${Math.round(performance.now() - started)} ms, rows ${JSON.stringify(summary.rows)}; ${summary.notes.join(' ')}`)
    expect(sink.of('careers')).toHaveLength(3007)
    expect(sink.of('skills')).toHaveLength(13_896)
    expect(sink.of('careers').find((c) => c.id === 'esco:f2b15a0e-e65a-438a-affb-29b9d50b77d1')?.slug).toBe('software-developer')
    expect(summary.notes).toContain('67 occupation–skill relations skipped: their occupation (1 distinct) is not in occupations_en.csv.')
  })
})
