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

// --- Search, browse, compare, related (issue 4) ---------------------------------------------------

const Segment = Type.Object({ text: Str, match: Type.Boolean() }, { description: 'A piece of text; match marks the words the query matched' })
const FacetCounts = Type.Array(Type.Object({ value: Str, count: Type.Integer() }))

export const SearchItem = Type.Object({
  type: Type.Union([Type.Literal('career'), Type.Literal('skill'), Type.Literal('credential'), Type.Literal('resource')]),
  slug: Nullable(Type.String({ description: 'Careers: the slug' })),
  id: Nullable(Type.String({ description: 'Skills, credentials and resources: the id' })),
  title: Str,
  snippet: Type.String({ description: 'The matching alternative title when that matched, else the start of the summary' }),
  highlight: Type.Object({ title: Type.Array(Segment), snippet: Type.Array(Segment) }),
  matchedOn: Type.Union([Type.Literal('title'), Type.Literal('alias'), Type.Literal('other')]),
  href: Type.String({ description: 'The API resource of the item' }),
})

export const SearchResults = Type.Object({
  query: Str,
  items: Type.Array(SearchItem),
  total: Type.Integer(),
  nextCursor: Nullable(Str),
  matchedAllTerms: Type.Boolean({ description: 'false when nothing matched every word and these items match only some' }),
  facets: Type.Object({
    type: FacetCounts, field: FacetCounts, level: FacetCounts, provider: FacetCounts, jobZone: FacetCounts, kind: FacetCounts, origin: FacetCounts,
  }, { description: 'Counts over all matches; each facet ignores its own filter, so its other values stay selectable' }),
  catalogVersion: Type.Integer(),
})

export const CareerRef = Type.Object({ slug: Str, title: Str, origin: Str, summary: Str })

export const FieldGroup = Type.Object({
  code: Type.String({ description: 'ISCO-08 group code (1–4 digits), SOC major group (15-0000) or a curated field path' }),
  title: Str,
  level: Type.Integer({ description: '1 for the top of the hierarchy' }),
  parent: Nullable(Str),
  careerCount: Type.Integer({ description: 'Careers in the group and its subgroups' }),
})

export const FieldSystems = Type.Union([Type.Literal('isco'), Type.Literal('soc'), Type.Literal('pathways')])

export const FieldTree = Type.Object({
  system: FieldSystems,
  title: Str,
  description: Str,
  groups: Type.Array(FieldGroup, { description: 'Every group, parents before children' }),
})

export const FieldCareers = Type.Object({
  system: FieldSystems,
  group: FieldGroup,
  path: Type.Array(FieldGroup, { description: 'The group and its ancestors, top first' }),
  children: Type.Array(FieldGroup),
  items: Type.Array(CareerRef),
  total: Type.Integer(),
  nextCursor: Nullable(Str),
})

export const SkillCareers = Type.Object({
  skill: Type.Object({ id: Str, name: Str, kind: Str }),
  sameAs: Type.Array(Type.Object({ id: Str, name: Str }), { description: 'Skills the data links to this one (same ESCO URI or same technology name), counted together' }),
  items: Type.Array(Type.Object({
    career: CareerRef,
    weight: Type.Number({ description: 'How much the career needs the skill, 0–1 (O*NET importance, ESCO essential/optional, curated scores)' }),
  })),
  total: Type.Integer(),
  nextCursor: Nullable(Str),
})

export const Interest = Type.Object({ code: Str, name: Str, description: Str, careerCount: Type.Integer() })

export const InterestCareers = Type.Object({
  interest: Interest,
  items: Type.Array(Type.Object({
    career: CareerRef,
    score: Type.Number({ description: 'O*NET interest score, 1–7' }),
    code: Type.String({ description: 'The career’s three highest interests (its Holland code), e.g. IRC' }),
  })),
  total: Type.Integer(),
  nextCursor: Nullable(Str),
})

export const ComparedSkill = Type.Object({ id: Str, name: Str, weight: Type.Number(), shared: Type.Boolean({ description: 'Also among the skills of another compared career' }) })

export const Comparison = Type.Object({
  careers: Type.Array(Type.Object({
    career: CareerRef,
    fieldPath: Type.Array(Str),
    pay: Nullable(Fact),
    payNote: Type.String({ description: 'How the pay figure was chosen (the same statistic and source as the others, or the best available)' }),
    outlook: Nullable(Fact),
    employment: Nullable(Fact),
    education: Nullable(Type.Object({ text: Str, source: Str })),
    experience: Nullable(Type.Object({ text: Str, source: Str })),
    jobZone: Nullable(Type.Object({ zone: Type.Integer(), name: Str })),
    topSkills: Type.Array(ComparedSkill),
  })),
  sharedPay: Type.Boolean({ description: 'true when every pay figure is the same statistic from the same source and period' }),
  sharedSkills: Type.Array(Type.Object({ id: Str, name: Str, careers: Type.Array(Str) }), { description: 'Skills more than one compared career needs' }),
})

export const Overlap = Type.Object({
  career: CareerRef,
  similarity: Type.Number({ description: 'Weighted overlap of the two careers’ skills (weighted Jaccard), 0–1' }),
  coverage: Type.Number({ description: 'Share of what this career needs that the starting career already has: Σ min(weights) / Σ this career’s weights, 0–1' }),
  shared: Type.Integer({ description: 'Skills in common' }),
  score: Type.Number({ description: 'Move score: √(coverage × similarity), what moves are ranked by' }),
})

export const RelatedCareers = Type.Object({
  career: CareerRef,
  official: Type.Array(Type.Object({ slug: Str, title: Str, note: Nullable(Str), sources: Type.Array(Str) }), { description: 'Related occupations as the sources list them' }),
  bySkills: Type.Array(Overlap, { description: 'Computed: careers whose skills overlap most, by weighted overlap' }),
})

export const CareerMoves = Type.Object({
  from: CareerRef,
  items: Type.Array(Type.Intersect([Overlap, Type.Object({
    skillsToAdd: Type.Array(Type.Object({
      id: Str, name: Str,
      weight: Type.Number({ description: 'How much the target career needs it, 0–1' }),
      have: Type.Number({ description: 'How much the starting career has it, 0–1 (0: not at all)' }),
    }), { description: 'Skills the target needs more of than the starting career has, largest gap first' }),
  })])),
  total: Type.Integer(),
  nextCursor: Nullable(Str),
})

export type SearchItem = Static<typeof SearchItem>
export type SearchResults = Static<typeof SearchResults>
export type CareerRef = Static<typeof CareerRef>
export type FieldGroup = Static<typeof FieldGroup>
export type FieldTree = Static<typeof FieldTree>
export type FieldCareers = Static<typeof FieldCareers>
export type SkillCareers = Static<typeof SkillCareers>
export type Interest = Static<typeof Interest>
export type InterestCareers = Static<typeof InterestCareers>
export type Comparison = Static<typeof Comparison>
export type RelatedCareers = Static<typeof RelatedCareers>
export type CareerMoves = Static<typeof CareerMoves>
export type Overlap = Static<typeof Overlap>
