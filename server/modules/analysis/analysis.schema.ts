/**
 * Request and answer schemas of the analysis routes, and the passport JSON schema they share with the
 * learner's stored passport (`#/components/schemas/Passport` in the OpenAPI document).
 */
import { Type, type Static } from 'typebox'
import { CareerRef } from '../../../shared/schemas.js'

const strict = { additionalProperties: false } as const
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' })

export const Level = Type.Integer({
  minimum: 0, maximum: 5,
  description: '0 none · 1 aware · 2 beginner (simple tasks with guidance) · 3 intermediate (works on their own) · 4 advanced (hard cases, guides others) · 5 expert',
})

export const Evidence = Type.Object({
  kind: Type.Union([Type.Literal('link'), Type.Literal('project'), Type.Literal('work'), Type.Literal('other')]),
  title: Text(200),
  url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://', description: 'http(s) link' })),
  description: Type.Optional(Text(4000)),
  date: Type.Optional(IsoDate),
}, strict)

export const PassportSkill = Type.Object({
  skill: Text(300, 'A catalog skill id (python, onet-tech:…, esco:…), an ESCO skill URI, an O*NET element id (2.A.1.a) or an exact skill label'),
  level: Level,
  source: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('credential'), Type.Literal('evidence')], { description: 'How the level is known; default self (self-assessed)' })),
  evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
}, strict)

export const PassportCredential = Type.Object({
  credential: Text(200, 'A catalog credential id'),
  earnedOn: Type.Optional(IsoDate),
}, strict)

export const Passport = Type.Object({
  skills: Type.Array(PassportSkill, { maxItems: 500 }),
  credentials: Type.Optional(Type.Array(PassportCredential, { maxItems: 200, description: 'Earned credentials; their skills count at the credential\'s level unless a higher level is given' })),
  targets: Type.Optional(Type.Array(Text(200, 'A career slug'), { maxItems: 20 })),
}, { ...strict, $id: 'Passport', title: 'Passport', description: 'Skills with a level on one 0–5 scale, earned credentials and target careers' })

const CareerKey = Text(300, 'A career slug, or an O*NET-SOC / SOC / ISCO code or ESCO occupation URI (the first career with it)')

export const GapBody = Type.Object({ passport: Passport, career: CareerKey }, strict)

export const MatchFilters = Type.Object({
  maxEducation: Type.Optional(Type.Union([
    Type.Literal('none'), Type.Literal('high-school'), Type.Literal('some-college'), Type.Literal('postsecondary-award'),
    Type.Literal('associate'), Type.Literal('bachelor'), Type.Literal('master'), Type.Literal('doctoral'),
  ], { description: 'Only careers whose typical entry education (BLS) is at most this' })),
  minPay: Type.Optional(Type.Number({ minimum: 0, description: 'Only careers whose national annual median pay (USD, BLS) is at least this' })),
  minGrowthPercent: Type.Optional(Type.Number({ minimum: -100, maximum: 1000, description: 'Only careers whose projected employment change (BLS, %) is at least this' })),
  origin: Type.Optional(Type.Union([Type.Literal('catalog'), Type.Literal('onet'), Type.Literal('esco')], { description: 'Only curated pathways (catalog) or careers imported from one dataset' })),
}, strict)

export const MatchBody = Type.Object({
  passport: Passport,
  filters: Type.Optional(MatchFilters),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
}, strict)

export const PlanBody = Type.Object({
  passport: Passport,
  career: CareerKey,
  hoursPerWeek: Type.Number({ minimum: 1, maximum: 80, description: 'Study hours a week' }),
  optimise: Type.Optional(Type.Union([Type.Literal('time'), Type.Literal('cost')], { default: 'time', description: 'Least total hours (default) or least total price' })),
  completed: Type.Optional(Type.Array(Text(200), { maxItems: 200, description: 'Credential or resource ids already completed: kept as done, their skills count' })),
}, strict)

const ResolvedSkill = Type.Object({
  id: Type.String(), name: Type.String(), level: Type.Integer(), inputs: Type.Array(Type.String()),
  matchedBy: Type.Union([Type.Literal('id'), Type.Literal('esco-uri'), Type.Literal('onet-element'), Type.Literal('label')]),
})
export const PassportReading = Type.Object({
  skills: Type.Array(ResolvedSkill, { description: 'The passport as read: one entry per skill (equivalent ids merged, highest level kept)' }),
  unresolved: Type.Array(Type.Object({ skill: Type.String(), reason: Type.String() }), { description: 'Entries no catalog skill matched; they count for nothing' }),
  credentials: Type.Array(Type.Object({ credential: Type.String(), known: Type.Boolean() })),
})

const Teacher = Type.Object({ id: Type.String(), type: Type.String(), title: Type.String(), level: Type.String(), reach: Type.Integer(), hours: Type.Number() })
const GapSkill = Type.Object({
  skill: Type.String(), name: Type.String(), weight: Type.Number(), required: Type.Integer(), have: Type.Integer(),
  shortfall: Type.Number({ description: 'Share of the career this skill would add at the required level' }), missing: Type.Boolean(), teachers: Type.Array(Teacher),
})
const MetSkill = Type.Object({ skill: Type.String(), name: Type.String(), weight: Type.Number(), required: Type.Integer(), have: Type.Integer() })

export const GapAnswer = Type.Object({
  career: CareerRef,
  coverage: Nullable(Type.Number({ description: 'Weighted, level-aware share of the career met, 0–1; null when the career has no skill data' })),
  met: Type.Array(MetSkill),
  gaps: Type.Array(GapSkill),
  passport: PassportReading,
})

const Figure = Type.Object({ value: Type.Number(), source: Type.String(), period: Nullable(Type.String()) })
const Outlook = Type.Object({
  pay: Nullable(Figure), growthPercent: Nullable(Figure),
  education: Nullable(Type.Object({ level: Type.String(), label: Type.String(), source: Type.String() })),
})
const Named = Type.Object({ skill: Type.String(), name: Type.String(), weight: Type.Number() })
export const MatchAnswer = Type.Object({
  items: Type.Array(Type.Object({
    career: CareerRef,
    score: Type.Number({ description: '√(coverage × relevance)' }),
    coverage: Type.Number({ description: 'Share of the career the passport meets' }),
    relevance: Type.Number({ description: 'How much the career values what the passport holds: Σ level × the career\'s weight for each passport skill ÷ Σ levels' }),
    matched: Type.Array(Named, { description: 'The heaviest skills the passport meets' }),
    missing: Type.Array(Named, { description: 'The heaviest skills it lacks or has below the level' }),
    outlook: Outlook,
  })),
  total: Type.Integer({ description: 'Careers ranked after filters' }),
  filteredOut: Type.Integer({ description: 'Careers left out by the filters (including those without the figure a filter needs)' }),
  passport: PassportReading,
})

const PlanItem = Type.Object({
  id: Type.String(), type: Type.String(), kind: Type.String(), title: Type.String(), level: Type.String(),
  status: Type.Union([Type.Literal('done'), Type.Literal('planned')]),
  hours: Type.Number(), hoursEstimated: Type.Boolean(), cost: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  skills: Type.Array(Type.Object({ skill: Type.String(), name: Type.String(), from: Type.Integer(), to: Type.Integer(), required: Type.Integer() })),
  prerequisiteOf: Type.Array(Type.String()), reason: Type.String(),
  startWeek: Nullable(Type.Integer()), endWeek: Nullable(Type.Integer()),
})
export const PlanAnswer = Type.Object({
  career: CareerRef,
  optimise: Type.String(), hoursPerWeek: Type.Number(),
  coverageBefore: Nullable(Type.Number()), coverageAfter: Nullable(Type.Number()),
  items: Type.Array(PlanItem),
  totals: Type.Object({
    hours: Type.Number(), weeks: Type.Integer(),
    cost: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })), itemsWithUnknownCost: Type.Integer(),
  }),
  uncovered: Type.Array(Type.Object({ skill: Type.String(), name: Type.String(), weight: Type.Number(), required: Type.Integer(), reached: Type.Integer(), reason: Type.String() })),
  weeks: Type.Array(Type.Object({ week: Type.Integer(), items: Type.Array(Type.Object({ id: Type.String(), hours: Type.Number() })) })),
  assumptions: Type.Array(Type.String()),
  passport: PassportReading,
})

export type Passport = Static<typeof Passport>
export type MatchFilters = Static<typeof MatchFilters>
export type GapAnswer = Static<typeof GapAnswer>
export type MatchAnswer = Static<typeof MatchAnswer>
export type PlanAnswer = Static<typeof PlanAnswer>
