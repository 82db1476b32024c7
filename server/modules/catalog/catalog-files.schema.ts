/**
 * Schemas of the curated catalog files under `catalog/`. Every YAML file is validated against one of
 * these before anything is written to the database; a failure names the file, the JSON pointer inside
 * it and what is wrong (see catalog-loader.ts).
 */
import { Type, type Static } from 'typebox'

const Id = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 })
const Text = Type.String({ minLength: 1, maxLength: 4000 })
const ShortText = Type.String({ minLength: 1, maxLength: 300 })
const IsoDate = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })
/** `2025`, `2024-05`, `2024-05-15`, or a span `2024/2034`, `2023-01/2033-12`. */
const Period = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?$' })
const Currency = Type.String({ pattern: '^[A-Z]{3}$' })
const SourceRefs = Type.Array(Id, { minItems: 1 })

export const SourceKind = Type.Union([
  Type.Literal('official-statistics'),
  Type.Literal('learning-platform'),
  Type.Literal('career-site'),
  Type.Literal('salary-survey'),
  Type.Literal('reference-data'),
])

export const SourceFile = Type.Object(
  {
    sources: Type.Array(
      Type.Object(
        {
          id: Id,
          publisher: ShortText,
          title: ShortText,
          kind: SourceKind,
          version: Type.Optional(ShortText),
          url: Type.Optional(Type.String({ format: 'uri' })),
          licence: Type.Optional(ShortText),
          attribution: Type.Optional(Text),
          published: Type.Optional(IsoDate),
          retrieved: Type.Optional(IsoDate),
          /** Seed sources are the pages our curated facts were read from. */
          seedDocument: Type.Optional(ShortText),
          note: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
)

export const PlaceFile = Type.Object(
  {
    places: Type.Array(
      Type.Object(
        {
          id: Id,
          name: ShortText,
          kind: Type.Union([Type.Literal('country'), Type.Literal('city'), Type.Literal('metro')]),
          country: Type.String({ pattern: '^[A-Z]{2}$' }),
          currency: Currency,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const ExchangeRateFile = Type.Object(
  {
    exchangeRates: Type.Array(
      Type.Object(
        {
          currency: Currency,
          /** Units of `currency` that one US dollar buys. */
          unitsPerUsd: Type.Number({ exclusiveMinimum: 0 }),
          period: Period,
          source: Id,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const ProviderFile = Type.Object(
  {
    providers: Type.Array(
      Type.Object(
        {
          id: Id,
          name: ShortText,
          kind: Type.Union([
            Type.Literal('company'),
            Type.Literal('university'),
            Type.Literal('learning-platform'),
            Type.Literal('training-provider'),
          ]),
          url: Type.Optional(Type.String({ format: 'uri' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const SkillKind = Type.Union([
  Type.Literal('specialized'),
  Type.Literal('common'),
  Type.Literal('technology'),
  Type.Literal('knowledge'),
])

export const SkillFile = Type.Object(
  {
    skills: Type.Array(
      Type.Object(
        {
          id: Id,
          name: ShortText,
          kind: SkillKind,
          altLabels: Type.Optional(Type.Array(ShortText)),
          description: Type.Optional(Text),
          escoUri: Type.Optional(Type.String({ pattern: '^http://data\\.europa\\.eu/esco/skill/' })),
          onetElement: Type.Optional(ShortText),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

/** What completing an item takes, for learning plans (all optional). */
const Effort = {
  /** Study hours the provider states; plans estimate from the duration when absent. */
  hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10000 })),
  /** Price to the learner; 0 for free. */
  cost: Type.Optional(Type.Object({ amount: Type.Number({ minimum: 0 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) }, { additionalProperties: false })),
  /** Credentials or resources (by id) to complete first, as the provider states them. */
  prerequisites: Type.Optional(Type.Array(Id, { maxItems: 20 })),
}

const Duration = Type.Object(
  {
    min: Type.Number({ minimum: 0 }),
    max: Type.Number({ minimum: 0 }),
    unit: Type.Union([Type.Literal('weeks'), Type.Literal('months'), Type.Literal('years')]),
  },
  { additionalProperties: false },
)

export const Level = Type.Union([
  Type.Literal('beginner'),
  Type.Literal('intermediate'),
  Type.Literal('advanced'),
])

export const CredentialFile = Type.Object(
  {
    credentials: Type.Array(
      Type.Object(
        {
          id: Id,
          title: ShortText,
          /** True when the source page did not print a title and ours describes the offering. */
          titleIsDescriptive: Type.Optional(Type.Boolean()),
          provider: Id,
          offeredVia: Type.Optional(Id),
          type: Type.Union([
            Type.Literal('professional-certificate'),
            Type.Literal('course'),
            Type.Literal('degree'),
            Type.Literal('certification-exam'),
            Type.Literal('bootcamp'),
          ]),
          level: Type.Optional(Level),
          courseCount: Type.Optional(Type.Integer({ minimum: 1 })),
          duration: Type.Optional(Duration),
          summary: Type.Optional(Text),
          skills: Type.Optional(Type.Array(Id)),
          cipCode: Type.Optional(Type.String({ pattern: '^\\d{2}\\.\\d{4}$' })),
          url: Type.Optional(Type.String({ format: 'uri' })),
          sources: SourceRefs,
          note: Type.Optional(Text),
          ...Effort,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const ResourceFile = Type.Object(
  {
    resources: Type.Array(
      Type.Object(
        {
          id: Id,
          kind: Type.Union([Type.Literal('course'), Type.Literal('book'), Type.Literal('project')]),
          title: ShortText,
          description: Type.Optional(Text),
          level: Type.Optional(Level),
          skills: Type.Optional(Type.Array(Id)),
          url: Type.Optional(Type.String({ format: 'uri' })),
          sources: SourceRefs,
          ...Effort,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export const FactKind = Type.Union([
  Type.Literal('salary'),
  Type.Literal('job-postings'),
  Type.Literal('growth'),
  Type.Literal('employment'),
  Type.Literal('openings'),
  Type.Literal('outlook'),
])

export const Statistic = Type.Union([
  Type.Literal('median'),
  Type.Literal('mean'),
  Type.Literal('average'),
  Type.Literal('range'),
  Type.Literal('count'),
  Type.Literal('percent-change'),
  Type.Literal('designation'),
])

export const ScopeRelation = Type.Union([
  Type.Literal('same-role'),
  Type.Literal('parent-occupation'),
  Type.Literal('broader-group'),
  Type.Literal('related-occupation'),
  Type.Literal('specialisation'),
])

export const Fact = Type.Object(
  {
    id: Id,
    kind: FactKind,
    statistic: Statistic,
    value: Type.Optional(Type.Number()),
    low: Type.Optional(Type.Number()),
    high: Type.Optional(Type.Number()),
    /** For designations such as O*NET's "Bright Outlook". */
    label: Type.Optional(ShortText),
    unit: Type.Union([
      Type.Literal('per-year'),
      Type.Literal('per-hour'),
      Type.Literal('listings'),
      Type.Literal('percent'),
      Type.Literal('jobs'),
      Type.Literal('flag'),
    ]),
    currency: Type.Optional(Currency),
    approximate: Type.Optional(Type.Boolean()),
    period: Type.Optional(Period),
    place: Id,
    scope: Type.Object(
      {
        label: ShortText,
        relation: ScopeRelation,
        system: Type.Optional(
          Type.Union([Type.Literal('soc-2018'), Type.Literal('onet-soc'), Type.Literal('ooh')]),
        ),
        code: Type.Optional(ShortText),
      },
      { additionalProperties: false },
    ),
    /** Who produced the figure. */
    source: Id,
    /** Where we read it, when that is not the producer (a page quoting BLS, say). */
    citedIn: Type.Optional(Id),
    asOf: Type.Optional(IsoDate),
    /** The reference figure of its kind: others are explained against it. */
    reference: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text),
  },
  { additionalProperties: false },
)

const CodeSystem = Type.Union([
  Type.Literal('onet-soc'),
  Type.Literal('soc-2018'),
  Type.Literal('isco-08'),
  Type.Literal('esco'),
])

const Item = Type.Object(
  { title: Type.Optional(ShortText), text: Text, sources: Type.Optional(SourceRefs) },
  { additionalProperties: false },
)

const Step = Type.Object(
  {
    title: ShortText,
    text: Text,
    duration: Type.Optional(Duration),
    level: Type.Optional(
      Type.Union([
        Type.Literal('entry'),
        Type.Literal('junior'),
        Type.Literal('mid'),
        Type.Literal('senior'),
        Type.Literal('lead'),
        Type.Literal('management'),
      ]),
    ),
    group: Type.Optional(ShortText),
    skills: Type.Optional(Type.Array(Id)),
    credentials: Type.Optional(Type.Array(Id)),
    sources: Type.Optional(SourceRefs),
  },
  { additionalProperties: false },
)

export const CareerFile = Type.Object(
  {
    slug: Id,
    title: ShortText,
    aliases: Type.Optional(Type.Array(ShortText)),
    summary: Text,
    description: Type.Optional(Text),
    fieldPath: Type.Array(ShortText, { minItems: 1 }),
    codes: Type.Array(
      Type.Object(
        {
          system: CodeSystem,
          code: ShortText,
          title: ShortText,
          granularity: Type.Union([
            Type.Literal('exact'),
            Type.Literal('broader'),
            Type.Literal('narrower'),
            Type.Literal('related'),
          ]),
          sources: Type.Optional(SourceRefs),
          note: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    education: Type.Optional(
      Type.Object(
        {
          typical: ShortText,
          fields: Type.Optional(Type.Array(ShortText)),
          alternatives: Type.Optional(Type.Array(Item)),
          sources: SourceRefs,
        },
        { additionalProperties: false },
      ),
    ),
    experience: Type.Optional(
      Type.Object(
        {
          min: Type.Number({ minimum: 0 }),
          max: Type.Number({ minimum: 0 }),
          unit: Type.Literal('years'),
          source: Id,
        },
        { additionalProperties: false },
      ),
    ),
    highlights: Type.Optional(Type.Array(Item)),
    responsibilities: Type.Optional(Type.Array(Item)),
    personalityTraits: Type.Optional(Type.Array(Item)),
    projects: Type.Optional(Type.Array(Item)),
    selfGuidedProjects: Type.Optional(Type.Array(Item)),
    growthOpportunities: Type.Optional(Type.Array(Item)),
    skillSets: Type.Optional(
      Type.Array(
        Type.Object(
          {
            source: Id,
            /** Highest score on the source's scale, e.g. 5 for scores 0–5. */
            scaleMax: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
            /** Counts the source states, which may exceed what it lists. */
            statedCounts: Type.Optional(
              Type.Object(
                { specialized: Type.Optional(Type.Integer()), common: Type.Optional(Type.Integer()) },
                { additionalProperties: false },
              ),
            ),
            skills: Type.Array(
              Type.Object(
                {
                  skill: Id,
                  kind: Type.Optional(SkillKind),
                  score: Type.Optional(Type.Number({ minimum: 0 })),
                  note: Type.Optional(ShortText),
                },
                { additionalProperties: false },
              ),
              { minItems: 1 },
            ),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    facts: Type.Optional(Type.Array(Fact)),
    credentials: Type.Optional(
      Type.Array(
        Type.Object(
          {
            credential: Id,
            role: Type.Union([
              Type.Literal('start'),
              Type.Literal('next'),
              Type.Literal('specialise'),
              Type.Literal('related'),
            ]),
            sources: SourceRefs,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    resources: Type.Optional(Type.Array(Id)),
    pathway: Type.Optional(
      Type.Object(
        {
          gettingStarted: Type.Optional(Type.Array(Step)),
          traditionalPath: Type.Optional(Type.Array(Step)),
          progression: Type.Optional(Type.Array(Step)),
          advancement: Type.Optional(Type.Array(Step)),
        },
        { additionalProperties: false },
      ),
    ),
    related: Type.Optional(
      Type.Array(
        Type.Object(
          { career: Id, sources: Type.Optional(SourceRefs), note: Type.Optional(ShortText) },
          { additionalProperties: false },
        ),
      ),
    ),
    specialisations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            title: ShortText,
            focus: ShortText,
            text: Text,
            skills: Type.Optional(Type.Array(Id)),
            salary: Type.Optional(
              Type.Object(
                {
                  low: Type.Number({ minimum: 0 }),
                  high: Type.Number({ minimum: 0 }),
                  currency: Currency,
                  place: Id,
                  period: Type.Optional(Period),
                },
                { additionalProperties: false },
              ),
            ),
            sources: SourceRefs,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    faq: Type.Optional(
      Type.Array(
        Type.Object(
          { question: ShortText, answer: Text, sources: Type.Optional(SourceRefs) },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
)

export type SourceFile = Static<typeof SourceFile>
export type PlaceFile = Static<typeof PlaceFile>
export type ExchangeRateFile = Static<typeof ExchangeRateFile>
export type ProviderFile = Static<typeof ProviderFile>
export type SkillFile = Static<typeof SkillFile>
export type CredentialFile = Static<typeof CredentialFile>
export type ResourceFile = Static<typeof ResourceFile>
export type CareerFile = Static<typeof CareerFile>
export type CatalogFact = Static<typeof Fact>
