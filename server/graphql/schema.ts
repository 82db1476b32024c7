/**
 * The GraphQL schema (SDL). Every type is a view of what a REST route answers; list fields take
 * `first` (at most 100) so the static cost in limits.ts can bound a document before it runs.
 */
export const MAX_FIRST = 100

export const typeDefs = /* GraphQL */ `
  enum SearchType { career skill credential resource }

  type Query {
    "A career profile by slug; null (with a career.not_found error) when there is none."
    career(slug: String!): Career
    careers(first: Int = 20, after: String, field: String): CareerPage!
    search(q: String!, type: [SearchType!], first: Int = 10, after: String): SearchPage!
    skill(id: ID!): Skill
    credential(id: ID!): Credential
    "The signed-in person or the owner of the API key; auth.required when anonymous."
    me: Me
    "A school the caller belongs to (platform admins: any); school.not_found otherwise."
    school(id: ID!): School
  }

  type Mutation {
    "Replace my target careers (slugs or official codes): a signed-in session only."
    setPassportTargets(targets: [String!]!): Passport!
    "Create a cohort in a school: its staff and platform admins (the creator runs it)."
    createCohort(schoolId: ID!, name: String!, description: String): Cohort!
  }

  type CareerPage { items: [CareerSummary!]!, total: Int!, nextCursor: String }
  type CareerSummary { slug: String!, title: String!, summary: String!, origin: String!, fieldPath: [String!]! }
  type Career {
    slug: String!
    title: String!
    summary: String!
    description: String
    aliases: [String!]!
    fieldPath: [String!]!
    skills(first: Int = 20): [CareerSkill!]!
    credentials(first: Int = 20): [CredentialRef!]!
  }
  type CareerSkill { id: ID!, name: String!, kind: String!, "The skill itself, with the careers that need it" skill: Skill }
  type CredentialRef { id: ID!, title: String! }
  type SkillRef { id: ID!, name: String! }
  type Skill { id: ID!, name: String!, kind: String!, description: String, altLabels: [String!]!, careers(first: Int = 20): [Career!]! }
  type Provider { id: ID!, name: String! }
  type Credential {
    id: ID!
    title: String!
    type: String!
    level: String
    summary: String
    url: String
    provider: Provider!
    skills(first: Int = 20): [SkillRef!]!
  }

  type SearchPage { query: String!, total: Int!, nextCursor: String, matchedAllTerms: Boolean!, items: [SearchItem!]! }
  type SearchItem { type: SearchType!, slug: String, id: ID, title: String!, snippet: String!, href: String! }

  type Me {
    id: ID!
    "user (a signed-in person) or api-key"
    kind: String!
    passport: Passport!
    plans(first: Int = 20): [PlanSummary!]!
    cohorts(first: Int = 20): [MyCohort!]!
  }
  type Passport { skills: [PassportSkill!]!, credentials: [EarnedCredential!]!, targets: [CareerRef!]! }
  type PassportSkill { skill: ID!, name: String!, level: Int!, levelName: String!, source: String! }
  type EarnedCredential { credential: ID!, title: String, earnedOn: String! }
  type CareerRef { slug: String!, title: String! }
  type PlanSummary { id: ID!, career: CareerRef!, hoursPerWeek: Float!, optimise: String!, createdAt: String!, itemsDone: Int! }
  type MyCohort { id: ID!, name: String!, description: String, archived: Boolean!, joinedAt: String!, school: SchoolRef! }
  type SchoolRef { id: ID!, name: String! }

  type School {
    id: ID!
    name: String!
    slug: String!
    createdAt: String!
    "The roster: school staff and platform admins."
    members(first: Int = 100, offset: Int = 0): [Member!]!
    "One member's record (with email): staff and platform admins (the read is logged), or the member."
    member(userId: ID!): MemberRecord
    "School admins and platform admins: every cohort; educators: the cohorts they run."
    cohorts(first: Int = 20): [Cohort!]!
  }
  type Member { userId: ID!, displayName: String!, role: String!, joinedAt: String! }
  type MemberRecord { userId: ID!, displayName: String!, email: String!, role: String!, joinedAt: String! }
  type Cohort {
    id: ID!
    schoolId: ID!
    name: String!
    description: String
    archived: Boolean!
    learnerCount: Int!
    "Its educators, school admins and platform admins."
    learners(first: Int = 100): [CohortPerson!]!
    staff(first: Int = 100): [CohortPerson!]!
  }
  type CohortPerson { userId: ID!, displayName: String!, since: String! }
`
