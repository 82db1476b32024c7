import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { collect } from '../../../../test/fixtures/import-input/helpers.js'
import { openInput } from './open-input.js'
import { SHARED_DATA } from '../../../../test/support/shared-data.js'

// The published datasets live outside the repository; on a machine without them this suite is skipped
// and says so in its name rather than passing silently.
const DATA = SHARED_DATA
const present = existsSync(`${DATA}/onet-29.3/Skills.txt`) && existsSync(`${DATA}/esco-v1.1.1`)
const title = present ? `published datasets in ${DATA}` : `published datasets — SKIPPED: ${DATA} is absent`

describe.skipIf(!present)(title, () => {
  it('reads O*NET 29.3 Skills.txt (tab-delimited, 61,530 ratings)', async () => {
    const input = await openInput(`${DATA}/onet-29.3`)
    const rows = await collect(
      input.rows('Skills.txt', { columns: ['O*NET-SOC Code', 'Element ID', 'Scale ID', 'Data Value'] }),
    )
    await input.close()
    expect(rows).toHaveLength(61_530)
    expect(rows[0]).toMatchObject({
      line: 2,
      values: {
        'O*NET-SOC Code': '11-1011.00',
        'Element Name': 'Reading Comprehension',
        'Scale ID': 'IM',
        'Data Value': '4.12',
      },
    })
  })

  it('reads ESCO occupations_en.csv out of the classification zip in the ESCO folder', async () => {
    const input = await openInput(`${DATA}/esco-v1.1.1`)
    expect(input.names()).toEqual(
      expect.arrayContaining(['occupations_en.csv', 'occupationSkillRelations.csv', 'skills_en.csv']),
    )
    const rows = await collect(
      input.rows('occupations_en.csv', { columns: ['conceptUri', 'preferredLabel', 'altLabels', 'code'] }),
    )
    await input.close()
    expect(rows).toHaveLength(3_007)
    expect(rows[0]?.values).toMatchObject({ preferredLabel: 'technical director', iscoGroup: '2654' })
    expect(rows[0]?.values.altLabels?.split('\n')).toContain('head of technical')
    expect(rows[1]?.line).toBeGreaterThan(rows[0]?.line ?? 0) // multi-line rows: lines count physical lines
  })

  it('reads BLS occupation.xlsx Table 1.2 with its header on row 2', async () => {
    const input = await openInput(`${DATA}/bls-employment-projections-2024-34/occupation.xlsx`)
    const columns = ['2024 National Employment Matrix code', 'Occupation type', 'Median annual wage, dollars, 2024[1]']
    const rows = await collect(input.rows('occupation.xlsx', { columns, sheet: 'Table 1.2', headerRow: 2 }))
    await input.close()
    const lineItems = rows.filter((row) => row.values['Occupation type'] === 'Line item')
    expect(lineItems).toHaveLength(832)
    expect(rows.find((row) => row.values['2024 National Employment Matrix code'] === '11-1011')?.values).toMatchObject({
      'Median annual wage, dollars, 2024[1]': '206420',
      'Employment, 2024': '309.4',
    })
  })
})
