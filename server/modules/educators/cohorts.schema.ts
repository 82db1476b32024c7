/** Request and answer schemas of the cohort routes (staff under /schools/{schoolId}/cohorts, learners under /me/cohorts). */
import { Type } from 'typebox'

const strict = { additionalProperties: false } as const
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]{1,64}$' })
const Timestamp = Type.String({ description: 'ISO-8601 UTC' })
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' })
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'The cohort\'s name, e.g. "Year 11 Health Sciences"' })
const Description = Type.String({ maxLength: 2000 })
const Note = Type.String({ maxLength: 2000, description: 'A word to the learners about the assignment' })

// --- Requests ---------------------------------------------------------------------------------------

export const SchoolParams = Type.Object({ schoolId: Id }, strict)
export const CohortParams = Type.Object({ schoolId: Id, cohortId: Id }, strict)
export const CohortUserParams = Type.Object({ schoolId: Id, cohortId: Id, userId: Id }, strict)
export const AssignmentParams = Type.Object({ schoolId: Id, cohortId: Id, assignmentId: Id }, strict)
export const MyStepParams = Type.Object({ cohortId: Id, pathwayId: Id, stepId: Id }, strict)

export const NewCohortBody = Type.Object({
  name: Name,
  description: Type.Optional(Description),
  programmeId: Type.Optional({ ...Id, description: 'One of the school\'s programmes' }),
}, strict)
export const CohortPatchBody = Type.Object({
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Description)),
  programmeId: Type.Optional(Nullable(Id)),
  archived: Type.Optional(Type.Boolean({ description: 'An archived cohort takes no new learners or assignments, and its code stops working' })),
}, strict)
export const UserBody = Type.Object({ userId: Id }, strict)
export const NewAssignmentBody = Type.Object({
  kind: Type.Union([Type.Literal('career'), Type.Literal('pathway')], { description: '`career`: a target career of the catalog; `pathway`: one of the school\'s adapted pathways' }),
  career: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'With kind `career`: a career slug or an official occupation code' })),
  pathwayId: Type.Optional({ ...Id, description: 'With kind `pathway`: an adapted pathway of this school' }),
  dueOn: Type.Optional(Day),
  note: Type.Optional(Note),
}, strict)
export const AssignmentPatchBody = Type.Object({ dueOn: Type.Optional(Nullable(Day)), note: Type.Optional(Nullable(Note)) }, strict)
export const JoinBody = Type.Object({ code: Type.String({ minLength: 8, maxLength: 12, pattern: '^[0-9A-Za-z -]{8,12}$', description: 'The cohort\'s 8-character join code' }) }, strict)

// --- Answers ----------------------------------------------------------------------------------------

const Person = Type.Object({ userId: Type.String(), displayName: Type.String(), since: Timestamp }, strict)
const Programme = Type.Object({ id: Type.String(), title: Type.String(), cipCode: Type.String() }, strict)
const CareerRef = Type.Object({ slug: Type.String(), title: Type.String() }, strict)
const PathwayRef = Type.Object({ id: Type.String(), title: Type.String() }, strict)

export const Assignment = Type.Object({
  id: Type.String(), kind: Type.Union([Type.Literal('career'), Type.Literal('pathway')]),
  career: Nullable(CareerRef), pathway: Nullable(PathwayRef), dueOn: Nullable(Type.String()), note: Nullable(Type.String()),
  position: Type.Integer(), createdAt: Timestamp,
}, strict)

const summaryFields = {
  id: Type.String(), schoolId: Type.String(), name: Type.String(), description: Nullable(Type.String()), programme: Nullable(Programme),
  archived: Type.Boolean(), archivedAt: Nullable(Timestamp), createdAt: Timestamp,
  joinOpen: Type.Boolean({ description: 'Whether the join code works (set and the cohort not archived)' }),
  learnerCount: Type.Integer(), assignmentCount: Type.Integer(),
}
export const CohortSummary = Type.Object(summaryFields, strict)
export const Cohort = Type.Object({
  ...summaryFields,
  joinCode: Nullable(Type.String({ description: 'Null when joining is switched off' })),
  joinLink: Nullable(Type.String({ description: 'The page where a signed-in person joins with the code' })),
  staff: Type.Array(Person), learners: Type.Array(Person), assignments: Type.Array(Assignment),
}, strict)
export const CohortList = Type.Object({ items: Type.Array(CohortSummary) }, strict)
export const PersonList = Type.Object({ items: Type.Array(Person) }, strict)
export const LearnerAdded = Person
export const AssignmentList = Type.Object({ items: Type.Array(Assignment) }, strict)
export const Joined = Type.Object({ cohort: Type.Object({ id: Type.String(), name: Type.String() }, strict), school: Type.Object({ id: Type.String(), name: Type.String() }, strict) }, strict)

const LearnerStep = Type.Object({
  id: Type.String({ description: 'An adapted step\'s id, or `section:position` of a catalog pathway step' }),
  section: Type.String(), position: Type.Integer(), title: Type.String(), done: Type.Boolean(), doneAt: Nullable(Timestamp),
}, strict)
const LearnerAssignment = Type.Object({
  id: Type.String(), kind: Type.Union([Type.Literal('career'), Type.Literal('pathway')]), dueOn: Nullable(Type.String()), note: Nullable(Type.String()),
  career: Nullable(CareerRef), pathway: Nullable(PathwayRef), steps: Type.Array(LearnerStep), done: Type.Integer(), total: Type.Integer(),
}, strict)
export const MyCohorts = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), description: Nullable(Type.String()), archived: Type.Boolean(), joinedAt: Timestamp,
    school: Type.Object({ id: Type.String(), name: Type.String() }, strict), assignments: Type.Array(LearnerAssignment),
  }, strict)),
}, strict)
export const StepMark = Type.Object({ cohortId: Type.String(), pathwayId: Type.String(), stepId: Type.String(), title: Type.String(), done: Type.Boolean() }, strict)
