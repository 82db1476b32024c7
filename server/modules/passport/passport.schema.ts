/**
 * Request and answer schemas of the learner's own routes under /api/v1/me: the stored passport, its
 * analysis, plans, pathway progress and the verifiable exports. Request bodies reuse the analysis
 * module's `Passport` pieces so the stored and the stateless passport are one format.
 */
import { Type, type Static } from 'typebox'
import { CareerRef } from '../../../shared/schemas.js'
import { GapAnswer, MatchFilters, Passport, PlanAnswer } from '../analysis/index.js'

const strict = { additionalProperties: false } as const
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Id = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description })
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' })

// --- Requests ---------------------------------------------------------------------------------------

/** One skill to add or replace: the same entry as in a passport. */
export const SkillBody = Passport.properties.skills.items
export const CredentialBody = Type.Object({
  credential: Id(200, 'A catalog credential id'),
  earnedOn: Type.Optional({ ...IsoDate, description: 'When it was earned (YYYY-MM-DD); default today' }),
}, strict)
export const TargetsBody = Type.Object({
  targets: Type.Array(Id(300, 'A career slug or official code'), { maxItems: 20, description: 'Target careers, first the most wanted' }),
}, strict)
export const PlanBody = Type.Object({
  career: Id(300, 'A career slug or official code'),
  hoursPerWeek: Type.Number({ minimum: 1, maximum: 80, description: 'Study hours a week' }),
  optimise: Type.Optional(Type.Union([Type.Literal('time'), Type.Literal('cost')], { description: 'Least total hours (default) or least total price' })),
}, strict)

export const SkillParams = Type.Object({ skillId: Id(300, 'A catalog skill id (or an equivalent one)') }, strict)
export const CredentialParams = Type.Object({ credentialId: Id(200, 'A catalog credential id') }, strict)
export const PlanParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, strict)
export const PlanItemParams = Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Id(200, 'A credential or resource id of the plan') }, strict)
export const StepParams = Type.Object({
  career: Id(200, 'A curated career slug'),
  section: Id(100, 'The pathway section (get-started, traditional, progression …)'),
  position: Type.Integer({ minimum: 0, maximum: 10_000 }),
}, strict)

export const GapsQuery = Type.Object({ career: Type.Optional(Id(300, 'One career (slug or code); default every target career')) }, strict)
export const MatchesQuery = Type.Object({
  ...MatchFilters.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
}, strict)

// --- Answers ----------------------------------------------------------------------------------------

const Evidence = Type.Array(Passport.properties.skills.items.properties.evidence.items)

export const StoredSkill = Type.Object({
  skill: Type.String({ description: 'Catalog skill id (one per group of equivalent ids)' }),
  name: Type.String(),
  level: Type.Integer({ minimum: 0, maximum: 5 }),
  levelName: Type.String(),
  source: Type.Union([Type.Literal('self'), Type.Literal('credential'), Type.Literal('evidence')]),
  evidence: Evidence,
  escoUri: Nullable(Type.String({ description: 'ESCO skill URI of the skill or an equivalent one' })),
  onetElement: Nullable(Type.String({ description: 'O*NET content-model element id of the skill or an equivalent one' })),
  updatedAt: Type.String(),
})
export const EarnedCredential = Type.Object({
  credential: Type.String(), title: Nullable(Type.String({ description: 'null when the catalog no longer has it' })), earnedOn: IsoDate,
  recordedBy: Type.Union([Type.Literal('learner'), Type.Literal('plan')], { description: 'Recorded directly, or by marking a plan item done' }),
  planId: Nullable(Type.String()),
})
export const StoredPassport = Type.Object({
  skills: Type.Array(StoredSkill),
  credentials: Type.Array(EarnedCredential),
  targets: Type.Array(CareerRef),
})

export const GapsAnswer = Type.Object({ items: Type.Array(GapAnswer) })

const PlanSummaryFields = {
  id: Type.String(),
  career: CareerRef,
  hoursPerWeek: Type.Number(),
  optimise: Type.Union([Type.Literal('time'), Type.Literal('cost')]),
  createdAt: Type.String(),
}
export const PlanSummary = Type.Object({ ...PlanSummaryFields, itemsDone: Type.Integer() })
export const PlansAnswer = Type.Object({ items: Type.Array(PlanSummary) })
export const StoredPlan = Type.Object({
  ...PlanSummaryFields,
  done: Type.Array(Type.Object({ item: Type.String(), doneAt: Type.String() })),
  plan: PlanAnswer,
}, { description: 'A stored plan, recomputed from the current passport with the items marked done kept as done' })

const Coverage = Type.Array(Type.Object({ career: Type.String(), coverage: Nullable(Type.Number()) }))
export const ProgressAnswer = Type.Object({
  targets: Type.Array(Type.Object({
    career: CareerRef,
    coverage: Nullable(Type.Number({ description: 'Share of the career the passport meets now, 0–1' })),
    steps: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  })),
  plans: Type.Array(Type.Object({
    id: Type.String(), career: CareerRef,
    items: Type.Object({ done: Type.Integer(), planned: Type.Integer() }),
    coverage: Nullable(Type.Number({ description: 'Coverage now, counting the items done' })),
    coverageAfter: Nullable(Type.Number({ description: 'Coverage once the rest of the plan is done' })),
  })),
  pathways: Type.Array(Type.Object({
    career: CareerRef,
    done: Type.Array(Type.Object({ section: Type.String(), position: Type.Integer(), title: Type.String(), doneAt: Type.String() })),
    total: Type.Integer(),
  })),
  series: Type.Array(Type.Object({
    date: IsoDate,
    coverage: Coverage,
    itemsDone: Type.Integer({ description: 'Plan items marked done, at the end of the day' }),
    stepsDone: Type.Integer({ description: 'Pathway steps marked done, at the end of the day' }),
    events: Type.Integer({ description: 'Changes that day' }),
  }), { description: 'One point per day with a change: the state at the day\'s last change (for a chart)' }),
})

export const StepAnswer = Type.Object({
  career: Type.String(), section: Type.String(), position: Type.Integer(), title: Type.String(), done: Type.Boolean(),
})

export type StoredPassport = Static<typeof StoredPassport>
export type StoredSkill = Static<typeof StoredSkill>
export type StoredPlan = Static<typeof StoredPlan>
export type PlanSummary = Static<typeof PlanSummary>
export type ProgressAnswer = Static<typeof ProgressAnswer>
export type Coverage = Static<typeof Coverage>
export type EvidenceList = Static<typeof Evidence>
