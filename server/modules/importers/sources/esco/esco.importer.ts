/**
 * ESCO classification (English CSV, as the two published zips or unpacked) → careers with ESCO and ISCO-08
 * codes and aliases, the skills pillar, and essential/optional skills per occupation.
 *
 * Emission order follows the foreign keys (the engine publishes rows in the order handed over): source,
 * skills, careers, codes, aliases, skill sets, career skills.
 */
import type { Importer, ImportInput } from '../../import-types.js'
import { createImportRun } from '../shared/import-run.js'
import { createSlugAllocator } from '../shared/slug.js'
import { ESCO } from './esco-files.js'
import { careerRow, codeRows, readIscoGroups, readOccupations } from './esco-occupations.js'
import { readRelations, relationNotes, skillRows } from './esco-relations.js'
import { emitSkills, readTransversal } from './esco-skills.js'
import { ESCO_SOURCE_ID, escoSource } from './esco-source.js'

export const escoImporter: Importer = {
  origin: 'esco',
  description: 'ESCO classification (English): occupations, skills and knowledge, essential and optional skills per occupation',

  files(input: ImportInput) {
    const files: string[] = [ESCO.occupations, ESCO.skills, ESCO.iscoGroups]
    if (input.has(ESCO.transversal)) files.push(ESCO.transversal)
    files.push(ESCO.relations)
    return files
  },

  recognises(input: ImportInput) {
    return input.has(ESCO.occupations) && input.has(ESCO.relations)
  },

  async run(input, sink, context) {
    const run = createImportRun(input, sink, context)
    await run.add('sources', escoSource)

    const hasTransversal = input.has(ESCO.transversal)
    if (!hasTransversal) run.note(`${ESCO.transversal} is not in the input: no ESCO skill is marked common (transversal).`)
    const skills = await emitSkills(run, await readTransversal(run, hasTransversal))

    const occupations = await readOccupations(run, await readIscoGroups(run))
    const slugOf = createSlugAllocator(context.reservedSlugs, 'esco')
    for (const o of occupations.values()) await run.add('careers', careerRow(o, slugOf(o.title)))
    for (const o of occupations.values()) for (const code of codeRows(o)) await run.add('career_codes', code)
    for (const o of occupations.values()) {
      for (const [position, alias] of o.aliases.entries()) await run.add('career_aliases', { career_id: o.careerId, alias, position })
    }

    const { linked, counts } = await readRelations(run, occupations, skills)
    for (const o of occupations.values()) {
      if (!linked.has(o.uri)) continue
      await run.add('career_skill_sets', {
        career_id: o.careerId, source_id: ESCO_SOURCE_ID, scale_max: null, stated_specialized: null, stated_common: null, position: 0,
      })
    }
    for (const o of occupations.values()) {
      const entry = linked.get(o.uri)
      if (entry) for (const row of skillRows(o.careerId, entry)) await run.add('career_skills', row)
    }
    for (const note of relationNotes(counts)) run.note(note)
    return run.summary()
  },
}
