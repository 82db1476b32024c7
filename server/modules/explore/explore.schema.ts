/** Request schemas of the browse, compare and related routes. */
import { Type, type Static } from 'typebox'
import { FieldSystems } from '../../../shared/schemas.js'
import { SlugParams } from '../careers/careers.schema.js'

const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100' })
const Cursor = Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor from the previous page' })

export const PageQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false })

export const FieldSystemParams = Type.Object({ system: FieldSystems })

export const FieldGroupParams = Type.Object({
  system: FieldSystems,
  code: Type.String({ minLength: 1, maxLength: 300, description: 'Group code: ISCO-08 1–4 digits (25, 2512), SOC major group (15-0000) or a curated field path (information-technology-and-computer-science/software-development)' }),
})

export const SkillParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200, description: 'Skill id, e.g. kubernetes, onet-tech:kubernetes, onet:2.A.1.a or esco:…' }),
})

export const InterestParams = Type.Object({
  code: Type.String({ pattern: '^[RIASECriasec]$', description: 'One RIASEC letter: R, I, A, S, E or C' }),
})

export const CompareQuery = Type.Object(
  { careers: Type.String({ minLength: 3, maxLength: 500, description: '2 to 4 career slugs, comma-separated' }) },
  { additionalProperties: false },
)

export const MovesQuery = Type.Object(
  {
    minCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Only careers of which the starting career already covers at least this share (0–1)' })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
)

export { SlugParams }
export type MovesQuery = Static<typeof MovesQuery>
