/** Request schema of GET /api/v1/search. */
import { Type, type Static } from 'typebox'

const Csv = (description: string) => Type.String({ minLength: 1, maxLength: 120, description })

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'What to look for: a title, alternative title, skill, credential, code; typos and unfinished words are fine' }),
    type: Type.Optional(Type.String({ pattern: '^(career|skill|credential|resource)(,(career|skill|credential|resource))*$', description: 'Only these types, comma-separated: career, skill, credential, resource' })),
    field: Type.Optional(Csv('Careers in this field (top of the field path), by label or slug')),
    level: Type.Optional(Csv('Credentials and resources of this level: beginner, intermediate, advanced')),
    provider: Type.Optional(Csv('Credentials from this provider, by name or slug')),
    jobZone: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'O*NET job zone (1 little preparation … 5 extensive)' })),
    kind: Type.Optional(Csv('Skill kind (technology, knowledge, specialized, common) or credential/resource type')),
    origin: Type.Optional(Type.Union([Type.Literal('catalog'), Type.Literal('onet'), Type.Literal('esco')], { description: 'catalog (curated) or the dataset: onet, esco' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Items per page, 1–50' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor from the previous page' })),
  },
  { additionalProperties: false },
)
export type SearchQuery = Static<typeof SearchQuery>
