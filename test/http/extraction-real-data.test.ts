/**
 * Skill extraction on real data: the full ESCO + O*NET vocabulary (`pathways import all ../shared/data`)
 * against the gold Skill spans of the Green et al. 2022 job-description test set. Skipped, saying why,
 * when ../shared/data is absent. The floors sit well under the figures bench/extraction/measure.ts
 * reports (README "Skill extraction"), so noise does not fail CI but a broken matcher does.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readGreen2022, score, GREEN2022_DIR } from '../../bench/extraction/green2022.js'
import { loadConfig } from '../../server/config.js'
import { createCatalogRepository, createCatalogService } from '../../server/modules/catalog/index.js'
import { buildGazetteer, extractSkills, vocabularyOf } from '../../server/modules/extraction/index.js'
import { openDb } from '../../server/platform/db/client.js'
import { ROOT } from '../support/test-app.js'

const DATA = path.resolve(ROOT, '../shared/data')
const present = fs.existsSync(path.join(DATA, GREEN2022_DIR, 'testset.txt')) && fs.existsSync(path.join(DATA, 'esco-v1.1.1'))
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'extraction-real-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

if (!present) process.stderr.write(`[extraction-real-data] ${DATA} has no ${GREEN2022_DIR} or ESCO data: the real-data extraction test is skipped.` + '\n')

describe.skipIf(!present)(`skill extraction on the Green et al. 2022 test set in ${DATA} (skipped when absent)`, () => {
  it('finds a meaningful share of the gold skill spans with the full vocabulary, mostly on real entities', { timeout: 180_000 }, async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'import', 'all', DATA], {
      cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 170_000,
    })
    expect(run.status, run.stderr).toBe(0)
    const config = loadConfig({ DATA_DIR: dataDir }, ROOT)
    const db = openDb(config.database)
    try {
      const catalog = createCatalogService({ repo: createCatalogRepository(db), catalogDir: config.catalogDir, log: { info: () => undefined } })
      await catalog.sync()
      const index = await catalog.refresh()
      const gazetteer = buildGazetteer(vocabularyOf(index))
      expect(gazetteer.skillCount).toBeGreaterThan(20_000)

      const sentences = readGreen2022(DATA)
      expect(sentences).toHaveLength(336)
      const pairs = sentences.map((s) => ({
        predicted: extractSkills(s.text, gazetteer).skills.flatMap((k) => k.mentions),
        gold: s.entities.get('Skill') ?? [],
      }))
      const overlap = score(pairs, 'overlap')
      const exact = score(pairs, 'exact')
      expect(overlap.gold).toBe(676)
      // Measured: overlap recall ≈ 22 %, precision ≈ 77 %; exact recall ≈ 10 %, precision ≈ 31 %.
      expect(overlap.recall).toBeGreaterThan(0.12)
      expect(overlap.precision).toBeGreaterThan(0.5)
      expect(exact.recall).toBeGreaterThan(0.05)
    } finally {
      await db.close()
    }
  })
})
