/** Request schemas of the careers module (responses live in shared/schemas.ts). */
import { Type, type Static } from 'typebox'

const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100' })
const Cursor = Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor from the previous page' })

export const SlugParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120, description: 'Career slug, e.g. back-end-developer' }),
})

export const CareerListQuery = Type.Object(
  {
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'A field-path segment, by name or slug (e.g. software-development)' })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
)

export const FactKindEnum = Type.Union(
  ['salary', 'job-postings', 'growth', 'employment', 'openings', 'outlook'].map((k) => Type.Literal(k)),
)

export const FactsQuery = Type.Object({ kind: Type.Optional(FactKindEnum) }, { additionalProperties: false })

export const SkillListQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union(['specialized', 'common', 'technology', 'knowledge'].map((k) => Type.Literal(k)))),
    career: Type.Optional(SlugParams.properties.slug),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
)

export const CredentialListQuery = Type.Object(
  {
    level: Type.Optional(Type.Union(['beginner', 'intermediate', 'advanced'].map((k) => Type.Literal(k)))),
    provider: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    career: Type.Optional(SlugParams.properties.slug),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
)

export type CareerListQuery = Static<typeof CareerListQuery>
export type SkillListQuery = Static<typeof SkillListQuery>
export type CredentialListQuery = Static<typeof CredentialListQuery>
