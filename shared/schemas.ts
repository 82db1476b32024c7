/**
 * Public API shapes (TypeBox), shared by the server's routes, the OpenAPI document and the web pages.
 * JSON is camelCase; every figure carries its provenance.
 */
import { Type, type Static, type TSchema } from 'typebox'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Str = Type.String()

export const SourceRef = Type.Object({
  id: Str,
  publisher: Str,
  title: Str,
  kind: Str,
  url: Nullable(Str),
})

export const Source = Type.Object({
  id: Str,
  publisher: Str,
  title: Str,
  kind: Type.String({ description: 'official-statistics, learning-platform, career-site, salary-survey or reference-data' }),
  version: Nullable(Str),
  url: Nullable(Str),
  licence: Nullable(Str),
  attribution: Nullable(Str),
  published: Nullable(Str),
  retrieved: Nullable(Str),
  seedDocument: Nullable(Str),
  note: Nullable(Str),
})

export const Place = Type.Object({ id: Str, name: Str, kind: Str, country: Str, currency: Str })

export const Period = Type.Object({
  value: Type.String({ description: 'ISO form: 2025, 2024-05 or a span 2024/2034' }),
  label: Type.String({ description: 'For people: "May 2024", "2024–2034"' }),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
})

export const UsdConversion = Type.Object({
  annualUsd: Type.Number(),
  rate: Type.Number({ description: 'Units of the local currency per US dollar' }),
  ratePeriod: Str,
  rateSource: SourceRef,
})

export const Fact = Type.Object({
  id: Str,
  career: Str,
  subject: Nullable(Type.String({ description: 'Specialisation id when the figure is about one' })),
  kind: Type.String({ description: 'salary, job-postings, growth, employment, openings or outlook' }),
  statistic: Type.String({ description: 'median, mean, average, range, count, percent-change or designation' }),
  value: Nullable(Type.Number()),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
  label: Nullable(Str),
  unit: Str,
  currency: Nullable(Str),
  approximate: Type.Boolean(),
  display: Type.String({ description: 'The figure formatted for people, in its own currency' }),
  period: Nullable(Period),
  place: Place,
  scope: Type.Object({ label: Str, relation: Str, system: Nullable(Str), code: Nullable(Str) }),
  source: SourceRef,
  citedIn: Nullable(SourceRef),
  asOf: Nullable(Str),
  reference: Type.Boolean(),
  note: Nullable(Str),
  usd: Nullable(UsdConversion),
})

export const Difference = Type.Object({
  dimension: Type.Union([
    Type.Literal('statistic'), Type.Literal('scope'), Type.Literal('period'),
    Type.Literal('place'), Type.Literal('currency'), Type.Literal('method'),
  ]),
  text: Str,
})

const Percentiles = Type.Object({
  p10: Nullable(Type.Number()), p25: Nullable(Type.Number()), median: Nullable(Type.Number()),
  p75: Nullable(Type.Number()), p90: Nullable(Type.Number()),
})

export const PayDistribution = Type.Object({
  scope: Type.Object({ label: Str, relation: Str, system: Nullable(Str), code: Nullable(Str) }),
  source: SourceRef,
  period: Nullable(Period),
  currency: Str,
  annual: Percentiles,
  hourly: Percentiles,
  note: Nullable(Type.String({ description: 'e.g. that a value is top-coded (at least the amount shown)' })),
})

export const SalaryPanel = Type.Object({
  reference: Nullable(Fact),
  rows: Type.Array(Type.Object({ fact: Fact, differences: Type.Array(Difference), explanation: Str })),
  cities: Type.Array(Fact),
  ranges: Type.Array(Fact),
  distributions: Type.Array(PayDistribution, { description: 'Official wage percentiles (p10–p90), one per occupation code and source' }),
})

const Item = Type.Object({ title: Nullable(Str), text: Str, sources: Type.Array(Str) })
const SkillRef = Type.Object({ id: Str, name: Str })
const Duration = Type.Object({ min: Type.Number(), max: Type.Number(), unit: Str, label: Str })

export const CareerSkill = Type.Object({
  id: Str, name: Str, kind: Str,
  score: Nullable(Type.Number({ description: 'The source’s score; for O*NET the importance (1–5)' })),
  note: Nullable(Str),
  level: Type.Optional(Nullable(Type.Number({ description: 'O*NET level (0–7)' }))),
  relation: Type.Optional(Nullable(Type.String({ description: 'ESCO: essential or optional' }))),
  hotTechnology: Type.Optional(Nullable(Type.Boolean({ description: 'O*NET hot technology' }))),
  inDemand: Type.Optional(Nullable(Type.Boolean({ description: 'O*NET in-demand technology' }))),
})

export const Credential = Type.Object({
  id: Str,
  title: Str,
  titleIsDescriptive: Type.Boolean(),
  provider: Type.Object({ id: Str, name: Str }),
  offeredVia: Nullable(Type.Object({ id: Str, name: Str })),
  type: Str,
  level: Nullable(Str),
  courseCount: Nullable(Type.Integer()),
  duration: Nullable(Duration),
  summary: Nullable(Str),
  skills: Type.Array(SkillRef),
  cipCode: Nullable(Str),
  url: Nullable(Str),
  sources: Type.Array(Str),
  note: Nullable(Str),
})

export const Resource = Type.Object({
  id: Str, kind: Str, title: Str, description: Nullable(Str), level: Nullable(Str), skills: Type.Array(SkillRef),
  url: Nullable(Str), sources: Type.Array(Str),
})

export const PathwayStep = Type.Object({
  title: Str, text: Str, duration: Nullable(Duration), level: Nullable(Str), group: Nullable(Str),
  skills: Type.Array(SkillRef), credentials: Type.Array(Type.Object({ id: Str, title: Str })), sources: Type.Array(Str),
})

export const CareerCode = Type.Object({
  system: Str, code: Str, title: Str,
  granularity: Type.String({ description: 'exact, broader (the code covers more than this career), narrower or related' }),
  sources: Type.Array(Str), note: Nullable(Str),
})

export const CareerSummary = Type.Object({
  slug: Str, title: Str, summary: Str,
  origin: Type.String({ description: 'catalog (curated pathway) or the dataset it was imported from: onet, esco' }), fieldPath: Type.Array(Str), aliases: Type.Array(Str), codes: Type.Array(CareerCode),
})

export const CareerProfile = Type.Object({
  slug: Str,
  title: Str,
  aliases: Type.Array(Str),
  summary: Str,
  description: Nullable(Str),
  fieldPath: Type.Array(Str),
  codes: Type.Array(CareerCode),
  education: Nullable(Type.Object({ typical: Str, fields: Type.Array(Str), alternatives: Type.Array(Item), sources: Type.Array(Str) })),
  experience: Nullable(Type.Object({ min: Type.Number(), max: Type.Number(), unit: Str, source: Str })),
  highlights: Type.Array(Item),
  responsibilities: Type.Array(Item),
  personalityTraits: Type.Array(Item),
  projects: Type.Array(Item),
  selfGuidedProjects: Type.Array(Item),
  growthOpportunities: Type.Array(Item),
  skills: Type.Object({
    sets: Type.Array(Type.Object({
      source: SourceRef, scaleMax: Nullable(Type.Number()),
      statedCounts: Type.Object({ specialized: Nullable(Type.Integer()), common: Nullable(Type.Integer()) }),
      skills: Type.Array(CareerSkill),
    })),
    combined: Type.Array(Type.Object({ id: Str, name: Str, kind: Str, topScore: Nullable(Type.Number()), sources: Type.Array(Str) })),
  }),
  facts: Type.Array(Fact),
  salaryPanel: SalaryPanel,
  credentials: Type.Array(Type.Intersect([Credential, Type.Object({ role: Str, careerSources: Type.Array(Str) })])),
  resources: Type.Array(Resource),
  pathway: Type.Object({
    gettingStarted: Type.Array(PathwayStep),
    traditionalPath: Type.Array(PathwayStep),
    progression: Type.Array(PathwayStep),
    advancement: Type.Array(PathwayStep),
  }),
  related: Type.Array(Type.Object({ slug: Str, title: Str, summary: Str, codes: Type.Array(CareerCode), sources: Type.Array(Str), note: Nullable(Str) })),
  specialisations: Type.Array(Type.Object({
    id: Str, title: Str, focus: Str, text: Str, skills: Type.Array(SkillRef), salary: Nullable(Fact), sources: Type.Array(Str),
  })),
  faq: Type.Array(Type.Object({ question: Str, answer: Str, sources: Type.Array(Str) })),
  origin: Type.String({ description: 'catalog (curated) or the dataset it was imported from: onet, esco' }),
  tasks: Type.Array(Type.Object({ text: Str, type: Nullable(Str) })),
  jobZone: Nullable(Type.Object({ zone: Type.Integer(), name: Str, education: Nullable(Str), experience: Nullable(Str), training: Nullable(Str), examples: Nullable(Str) })),
  attributes: Type.Record(Str, Type.Unknown(), { description: 'Further dataset attributes: education and experience distributions, RIASEC interests, ISCO group…' }),
  requirements: Type.Array(Type.Object({ code: Str, key: Str, value: Str, source: Str }), { description: 'Entry requirements by occupation code, e.g. BLS typical entry education' }),
  programmes: Type.Array(Type.Object({ cipCode: Str, title: Str, socCode: Str, source: Str }), { description: 'Programmes of study (CIP 2020) that lead to this occupation' }),
  equivalents: Type.Array(Type.Object({
    slug: Str, title: Str, system: Str, code: Str,
    granularity: Type.String({ description: 'How the linked occupation relates: exact, broader, narrower or related' }),
    via: Type.String({ description: 'nesta-crosswalk, isco-soc (group level, used only where no direct link exists) or shared-code' }),
    source: Nullable(Str),
  }), { description: 'Matching occupations in the other taxonomy (ESCO ↔ O*NET)' }),
  sources: Type.Array(Source),
  catalogVersion: Type.Integer(),
})

export const Skill = Type.Object({
  id: Str, name: Str, kind: Str, altLabels: Type.Array(Str), description: Nullable(Str), escoUri: Nullable(Str),
  onetElement: Nullable(Str), careers: Type.Array(Str),
})

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page' })),
  })

export const Problem = Type.Object(
  {
    type: Str,
    title: Str,
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code, e.g. career.not_found' }),
    detail: Type.Optional(Str),
    instance: Type.Optional(Str),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Str, message: Str }))),
  },
  { additionalProperties: true },
)

export type SourceRef = Static<typeof SourceRef>
export type Source = Static<typeof Source>
export type Place = Static<typeof Place>
export type Period = Static<typeof Period>
export type Fact = Static<typeof Fact>
export type Difference = Static<typeof Difference>
export type SalaryPanel = Static<typeof SalaryPanel>
export type PayDistribution = Static<typeof PayDistribution>
export type Credential = Static<typeof Credential>
export type Resource = Static<typeof Resource>
export type PathwayStep = Static<typeof PathwayStep>
export type CareerCode = Static<typeof CareerCode>
export type CareerSummary = Static<typeof CareerSummary>
export type CareerProfile = Static<typeof CareerProfile>
export type Skill = Static<typeof Skill>
export type Problem = Static<typeof Problem>
