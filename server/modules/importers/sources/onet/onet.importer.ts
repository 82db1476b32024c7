/**
 * O*NET text release → careers (one per O*NET-SOC occupation) with codes, aliases, tasks, rated skills and
 * knowledge, technology examples, job zone / education / interest attributes and related occupations.
 *
 * Emission order follows the foreign keys, because the engine publishes rows in the order handed over:
 * source, careers and codes, aliases, tasks, skills, skill sets, career skills, relations. Files are
 * streamed; what is held is the occupation list (about a thousand), small reference tables, and per
 * career the ratings and technology examples (about 60,000 and 33,000 small entries) that must be
 * ranked before they get positions.
 */
import type { Importer, ImportInput } from '../../import-types.js'
import { createImportRun, type ImportRun } from '../shared/import-run.js'
import { createSlugAllocator } from '../shared/slug.js'
import { ONET, ONET_DATA_FILES } from './onet-files.js'
import { careerRow, codeRows, readOccupations, type Occupations } from './onet-occupations.js'
import { emptyProfile, readProfiles } from './onet-profile.js'
import { emitRelations } from './onet-relations.js'
import {
  emitTechnologyRatings, emitTechnologySkills, ratingRows, readElements, readRatings, type Ratings,
} from './onet-skills.js'
import { onetSource, readRelease } from './onet-source.js'
import { emitAliases, emitTasks } from './onet-texts.js'

export const onetImporter: Importer = {
  origin: 'onet',
  description: 'O*NET database (text release): occupations, skills, knowledge, technology, tasks, job zones, related occupations',

  files(input: ImportInput) {
    return input.has(ONET.readMe) ? [ONET.readMe, ...ONET_DATA_FILES] : [...ONET_DATA_FILES]
  },

  recognises(input: ImportInput) {
    return input.has(ONET.occupations) && input.has(ONET.skills)
  },

  async run(input, sink, context) {
    const run = createImportRun(input, sink, context)
    const release = await readRelease(input)
    await run.add('sources', onetSource(release))

    const occupations = await readOccupations(run)
    const profiles = await readProfiles(run, occupations)
    const slugOf = createSlugAllocator(context.reservedSlugs, 'onet')
    for (const o of occupations.values()) await run.add('careers', careerRow(o, slugOf(o.title), profiles.get(o.code) ?? emptyProfile()))
    for (const o of occupations.values()) {
      for (const code of codeRows(o, occupations, release.sourceId)) await run.add('career_codes', code)
    }
    await emitAliases(run, occupations)
    await emitTasks(run, occupations)
    await emitSkills(run, occupations, release.sourceId)
    await emitRelations(run, occupations, release.sourceId)
    return run.summary()
  },
}

async function emitSkills(run: ImportRun, occupations: Occupations, sourceId: string): Promise<void> {
  const elements = await readElements(run)
  const ratings: Ratings = new Map()
  const emitted = new Set<string>()
  await readRatings(run, ONET.skills, occupations, elements, ratings, emitted)
  await readRatings(run, ONET.knowledge, occupations, elements, ratings, emitted)
  const technologyIds = await emitTechnologySkills(run, occupations)
  for (const o of occupations.values()) {
    await run.add('career_skill_sets', {
      career_id: o.careerId, source_id: sourceId, scale_max: 5, stated_specialized: null, stated_common: null, position: 0,
    })
  }
  const firstTechnology = new Map<string, number>()
  for (const o of occupations.values()) {
    const rows = ratingRows(o.careerId, sourceId, ratings.get(o.careerId)?.values() ?? [])
    for (const row of rows) await run.add('career_skills', row)
    firstTechnology.set(o.careerId, rows.length)
  }
  await emitTechnologyRatings(run, occupations, sourceId, technologyIds, firstTechnology)
  const unrated = occupations.size - ratings.size
  if (unrated > 0) {
    run.note(`${unrated} of ${occupations.size} occupations have no skill or knowledge ratings in this release (O*NET rates only its data-level occupations; "All Other" and similar codes are not rated).`)
  }
}
