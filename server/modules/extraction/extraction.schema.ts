/** Request and answer schemas of POST /api/v1/skills/extract. */
import { Type, type Static } from 'typebox'

const strict = { additionalProperties: false } as const

/** The most characters a text may have (Unicode code points, as the schema counts them). */
export const MAX_TEXT_CHARS = 50_000

export const ExtractBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: MAX_TEXT_CHARS, description: 'The pasted text (a CV, a job ad), at most 50,000 characters' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'At most this many skills, the first found first (default 100)' })),
}, strict)
export type ExtractBody = Static<typeof ExtractBody>

const Span = Type.Object({
  start: Type.Integer({ minimum: 0, description: 'Offset of the first character, in UTF-16 code units (JavaScript string indices) of `text` as sent' }),
  end: Type.Integer({ minimum: 0, description: 'Offset after the last character: `text.slice(start, end)` is the span' }),
  text: Type.String(),
})

const Reason = Type.Union([Type.Literal('exact label'), Type.Literal('alternative label'), Type.Literal('compound spelling'), Type.Literal('inflected form')], {
  description: "exact label: the skill's own name; alternative label: one of its other labels; compound spelling: written joined or split (backend / back-end); inflected form: a plural or verb form of a label (databases, developing)",
})

export const ExtractedSkill = Type.Object({
  skill: Type.Object({
    id: Type.String({ description: 'The catalog skill id: what a passport (PUT /api/v1/me/passport, POST /api/v1/analysis/*) accepts' }),
    name: Type.String(),
    taxonomy: Type.Union([Type.Literal('curated'), Type.Literal('esco'), Type.Literal('onet')]),
    uri: Type.Optional(Type.String({ description: 'The ESCO concept URI, when the skill has one' })),
  }),
  span: Span,
  spans: Type.Array(Type.Object({ ...Span.properties, reason: Reason, matchedLabel: Type.String() }), { description: 'Every mention, in text order (the first is `span`)' }),
  reason: Reason,
  matchedLabel: Type.String({ description: 'The vocabulary label that matched best' }),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'How sure: by reason (1 exact, 0.9 alternative, 0.85 compound, 0.8 inflected), ×0.85 for a one-word label, +0.05 per further mention' }),
})

export const ExtractAnswer = Type.Object({
  skills: Type.Array(ExtractedSkill),
  total: Type.Integer({ description: 'Skills found before `limit`' }),
  skillIds: Type.Array(Type.String(), { description: 'The ids of `skills`, ready to add to a passport or to keep as a custom target' }),
  unmatchedHints: Type.Optional(Type.Array(Span, { description: 'Phrases after "experience in", "knowledge of"… that matched no skill: candidates to add by hand' })),
  catalogVersion: Type.Integer(),
})
export type ExtractAnswer = Static<typeof ExtractAnswer>
