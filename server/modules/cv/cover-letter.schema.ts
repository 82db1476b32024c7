/**
 * The cover letter (`#/components/schemas/CoverLetter`): plain data the learner edits in full — a
 * greeting, paragraphs, a closing and a signature — and the bodies of its two stateless routes.
 */
import { Type, type Static } from 'typebox'
import { Passport } from '../analysis/index.js'
import { Cv, CvBasics } from './cv.schema.js'

const strict = { additionalProperties: false } as const
const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) })

export const Recipient = Type.Object({
  name: Type.Optional(Text(200, 'The person the letter is addressed to')),
  organisation: Type.Optional(Text(200, 'The employer or school')),
}, strict)

export const CoverLetter = Type.Object({
  sender: Type.Object({
    name: Text(200),
    email: Type.Optional(Type.String({ maxLength: 254, format: 'email' })),
    phone: Type.Optional(Text(50)),
  }, strict),
  recipient: Type.Optional(Recipient),
  career: Type.Optional(Type.Object({ slug: Text(300), title: Text(300) }, { ...strict, description: 'The career the draft was aligned to' })),
  date: Type.Optional(Type.String({ pattern: '^[1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]$', description: 'YYYY-MM-DD' })),
  greeting: Text(300),
  paragraphs: Type.Array(Text(3000), { maxItems: 12, description: 'The body, one string per paragraph' }),
  closing: Text(200, 'e.g. "Kind regards,"'),
  signature: Text(200),
}, { ...strict, $id: 'CoverLetter', title: 'CoverLetter', description: 'A cover letter the learner edits: every field is theirs to change' })

export const LETTER_FORMATS = ['html', 'pdf', 'json'] as const
export type LetterFormat = (typeof LETTER_FORMATS)[number]

export const DraftBody = Type.Object({
  cv: Type.Optional(Cv),
  passport: Type.Optional(Passport),
  basics: Type.Optional(Type.Partial(CvBasics, strict)),
  career: Type.String({ minLength: 1, maxLength: 300, description: 'A career slug or official code' }),
  recipient: Type.Optional(Recipient),
}, strict)

export const LetterRenderBody = Type.Object({
  letter: Type.Unsafe<Static<typeof CoverLetter>>({ $ref: 'CoverLetter' }),
  format: Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('json')]),
}, strict)

export const DraftAnswer = Type.Object({
  letter: Type.Unsafe<Static<typeof CoverLetter>>({ $ref: 'CoverLetter' }),
})

export type CoverLetter = Static<typeof CoverLetter>
export type Recipient = Static<typeof Recipient>
export type DraftBody = Static<typeof DraftBody>
