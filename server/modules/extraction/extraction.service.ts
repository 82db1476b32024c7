/** Skill extraction over the current catalog version: the gazetteer is built once per version. */
import type { CatalogService } from '../catalog/index.js'
import { extractSkills, type ExtractedSkill } from './extract.js'
import type { ExtractAnswer, ExtractBody } from './extraction.schema.js'
import { gazetteerOf } from './vocabulary.js'

const DEFAULT_LIMIT = 100

export function createExtractionService({ catalog }: { catalog: Pick<CatalogService, 'index'> }) {
  return {
    /** The skills a text names, first found first, each once with every mention. */
    extract(body: ExtractBody): ExtractAnswer {
      const index = catalog.index()
      const found = extractSkills(body.text, gazetteerOf(index))
      const skills = found.skills.slice(0, body.limit ?? DEFAULT_LIMIT).map(present)
      return {
        skills, total: found.skills.length, skillIds: skills.map((s) => s.skill.id),
        ...(found.unmatchedHints.length > 0 ? { unmatchedHints: found.unmatchedHints } : {}),
        catalogVersion: index.version,
      }
    },
  }
}
export type ExtractionService = ReturnType<typeof createExtractionService>

function present(found: ExtractedSkill): ExtractAnswer['skills'][number] {
  const { id, name, taxonomy, uri } = found.skill
  const spans = found.mentions.map(({ start, end, text, reason, matchedLabel }) => ({ start, end, text, reason, matchedLabel }))
  const first = spans[0] as (typeof spans)[number]
  return {
    skill: { id, name, taxonomy, ...(uri === undefined ? {} : { uri }) },
    span: { start: first.start, end: first.end, text: first.text },
    spans, reason: found.reason, matchedLabel: found.matchedLabel, score: found.score,
  }
}
