/** POST /api/v1/skills/extract: the skills a pasted text names. Public, stateless, nothing stored. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import * as S from '../../../shared/schemas.js'
import { ExtractAnswer, ExtractBody } from './extraction.schema.js'
import type { ExtractionService } from './extraction.service.js'

export const extractionRoutes: FastifyPluginAsyncTypebox<{ extraction: ExtractionService }> = async (app, { extraction }) => {
  app.post('/skills/extract', {
    config: { operation: 'public' },
    schema: {
      tags: ['skills'], summary: 'Find the skills a pasted text names (a CV, a job ad)',
      description: [
        "Looks for every name and alternative label of the catalog's skills (curated, ESCO, O*NET) in the text: longest match first, no overlapping spans, plurals and verb forms of multi-word labels allowed, capitals required for acronyms (SQL, AWS, C) and one-word product names, everyday words (lead, manage, form) not looked for.",
        'Each skill comes once, with every span where it is named (offsets into the text as sent), the reason it matched and a score; skills are in order of their first mention.',
        'To build a passport, send the `skill.id`s (with a level each) to PUT /api/v1/me/passport or to the stateless /api/v1/analysis routes. To use the list as a custom target, keep `skillIds`: the analysis routes take a catalog career as the target, not a list of skills, so a gap to a custom list is not computed by this API.',
        'Texts longer than 50,000 characters are refused (400 request.invalid). Nothing is stored.',
      ].join('\n\n'),
      body: ExtractBody,
      response: { 200: ExtractAnswer, 400: S.Problem },
    },
  }, async (req) => extraction.extract(req.body))
}
