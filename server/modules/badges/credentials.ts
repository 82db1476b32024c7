/**
 * Builds the unsigned credentials (pure: no I/O, ids and time come in). Both are W3C VC 2.0
 * OpenBadgeCredentials (Open Badges 3.0):
 *
 * - one earned achievement: the achievement (a catalog credential such as a certification) with its
 *   criteria and one `alignment` per skill it covers, pointing at the skill's taxonomy URI (ESCO,
 *   O*NET); `awardedDate` is when the learner earned it, `validFrom` when Pathways issued this copy.
 * - the skills passport: a "Skills passport" achievement whose `resultDescription` has one entry
 *   per skill (aligned to its taxonomy URI where it has one, levels 0–5), and one `result` per skill
 *   carrying the learner's level; the source of each level (self-assessed, from a credential, from
 *   evidence) is part of the entry's name, and earned credentials are listed as `evidence`.
 *
 * The learner is named by `urn:uuid:<learner id>`, never by email; a display name, when given, is an
 * OB IdentityObject (identityType "name", not hashed).
 */
import { MAX_SKILLS, type Achievement, type Alignment, type IssuerProfile, type Result, type ResultDescription, type UnsignedCredential } from './badges.schema.js'
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts.js'

/** The learner a credential is about. `id` is the Pathways user id (a UUID) or already a URI (did:…, urn:…). */
export interface LearnerRef {
  id: string
  /** Shown in the credential when given (an OB IdentityObject); omit to keep the credential nameless. */
  name?: string
}

/** A skill as an alignment target: its taxonomy URI and code. */
export interface SkillRef {
  /** Absolute URI of the skill in its taxonomy (an ESCO skill URI, an O*NET element URL). */
  uri: string
  /** The framework's own code (O*NET element id "2.C.3.a", ESCO's UUID), when it has one. */
  code?: string
  /** The taxonomy's name: "ESCO", "O*NET". */
  framework: string
  label: string
}

export interface AchievementCredentialInput {
  learner: LearnerRef
  achievement: {
    /** Catalog credential id (becomes urn:pathways:credential:<id>) or an absolute URI. */
    id: string
    name: string
    description: string
    /** What earning it takes, in words. */
    criteria: string
    /** Open Badges achievementType: Certification, Certificate, Course, Degree, … or ext:Something. */
    achievementType?: string
    /** When the learner earned it (ISO-8601). */
    earnedAt: string
    skills: SkillRef[]
  }
  validUntil?: string
}

export type SkillSource = 'self' | 'credential' | 'evidence'

export interface PassportCredentialInput {
  learner: LearnerRef
  skills: {
    /** The Pathways skill id. */
    id: string
    label: string
    /** Taxonomy URI; without one the skill has no alignment. */
    uri?: string
    code?: string
    framework: string
    /** 0 (not yet) to 5 (expert). */
    level: number
    source: SkillSource
  }[]
  /** Earned credentials, listed as evidence. */
  credentials: { id: string; name: string; earnedAt: string; issuer?: string }[]
  validUntil?: string
}

/** What the builders need besides the input: the issuer, the credential id, the issue time. */
export interface IssueContext {
  issuer: IssuerProfile
  credentialId: string
  issuedAt: string
}

/** Thrown for input that cannot become a valid credential (a bad URI, a level outside 0–5). */
export class CredentialInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CredentialInputError'
  }
}

const PASSPORT_ACHIEVEMENT_ID = 'urn:pathways:achievement:skills-passport'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SOURCE_LABEL: Record<SkillSource, string> = { self: 'self-assessed', credential: 'from a credential', evidence: 'from evidence' }

export function buildAchievementCredential(input: AchievementCredentialInput, context: IssueContext): UnsignedCredential {
  const { achievement } = input
  if (achievement.skills.length > MAX_SKILLS) throw new CredentialInputError(`an achievement credential aligns to at most ${MAX_SKILLS} skills`)
  const body: Achievement = {
    id: urnOrUri('credential', achievement.id),
    type: ['Achievement'],
    name: achievement.name,
    description: achievement.description,
    criteria: { narrative: achievement.criteria },
    ...(achievement.achievementType ? { achievementType: achievementType(achievement.achievementType) } : {}),
    ...(achievement.skills.length > 0 ? { alignment: achievement.skills.map(alignmentOf) } : {}),
  }
  return {
    ...envelope(context, achievement.name, input.validUntil),
    awardedDate: dateTime(achievement.earnedAt, 'earnedAt'),
    credentialSubject: { ...subject(input.learner), achievement: body },
  }
}

export function buildPassportCredential(input: PassportCredentialInput, context: IssueContext): UnsignedCredential {
  if (input.skills.length > MAX_SKILLS || input.credentials.length > MAX_SKILLS) throw new CredentialInputError(`a passport credential carries at most ${MAX_SKILLS} skills and ${MAX_SKILLS} credentials`)
  const seen = new Set<string>()
  const descriptions: ResultDescription[] = []
  const results: Result[] = []
  for (const skill of input.skills) {
    if (seen.has(skill.id)) throw new CredentialInputError(`skill ${JSON.stringify(skill.id)} appears twice`)
    seen.add(skill.id)
    if (!Number.isInteger(skill.level) || skill.level < 0 || skill.level > 5) throw new CredentialInputError(`skill ${JSON.stringify(skill.id)}: level must be a whole number from 0 to 5`)
    const id = `urn:pathways:passport-skill:${encodeURIComponent(skill.id)}`
    const alignment = skill.uri ? [alignmentOf({ uri: skill.uri, code: skill.code, framework: skill.framework, label: skill.label })] : undefined
    descriptions.push({
      id, type: ['ResultDescription'], name: `${skill.label} (${SOURCE_LABEL[skill.source]})`, resultType: 'PerformanceLevel',
      valueMin: '0', valueMax: '5', ...(alignment ? { alignment } : {}),
    })
    results.push({ type: ['Result'], resultDescription: id, value: String(skill.level) })
  }
  const achievement: Achievement = {
    id: PASSPORT_ACHIEVEMENT_ID,
    type: ['Achievement'],
    achievementType: 'ext:SkillsPassport',
    name: 'Skills passport',
    description: 'The skills a learner recorded in Pathways, each with a level from 0 (not yet) to 5 (expert) and where the level comes from: self-assessed, from an earned credential, or from evidence.',
    criteria: { narrative: 'Issued by Pathways at the learner\'s request: their skills passport as it stood on the issue date (validFrom).' },
    ...(descriptions.length > 0 ? { resultDescription: descriptions } : {}),
  }
  const evidence = input.credentials.map((c) => ({
    type: ['Evidence'], name: c.name, genre: 'Earned credential',
    description: `Earned ${dateTime(c.earnedAt, 'credentials.earnedAt').slice(0, 10)}${c.issuer ? ` from ${c.issuer}` : ''}.`,
  }))
  return {
    ...envelope(context, 'Skills passport', input.validUntil),
    credentialSubject: { ...subject(input.learner), achievement, ...(results.length > 0 ? { result: results } : {}) },
    ...(evidence.length > 0 ? { evidence } : {}),
  }
}

function envelope(context: IssueContext, name: string, validUntil: string | undefined) {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: context.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: context.issuer,
    validFrom: context.issuedAt,
    ...(validUntil ? { validUntil: dateTime(validUntil, 'validUntil') } : {}),
  }
}

function subject(learner: LearnerRef) {
  const id = UUID.test(learner.id) ? `urn:uuid:${learner.id.toLowerCase()}` : absoluteUri(learner.id, 'learner.id')
  if (/^mailto:/i.test(id) || id.includes('@') && !id.startsWith('did:')) throw new CredentialInputError('learner.id must not be an email address')
  const identifier = learner.name ? [{ type: 'IdentityObject', identityHash: learner.name, identityType: 'name', hashed: false }] : undefined
  return { id, type: ['AchievementSubject'], ...(identifier ? { identifier } : {}) }
}

function alignmentOf(skill: SkillRef): Alignment {
  return {
    type: ['Alignment'],
    targetName: skill.label,
    targetUrl: absoluteUri(skill.uri, 'skill uri'),
    ...(skill.code ? { targetCode: skill.code } : {}),
    targetFramework: skill.framework,
    targetType: 'ceasn:Competency',
  }
}

const ACHIEVEMENT_TYPE = /^(ext:[A-Za-z0-9._-]+|[A-Z][A-Za-z]+)$/

function achievementType(value: string): string {
  if (!ACHIEVEMENT_TYPE.test(value)) throw new CredentialInputError(`achievementType ${JSON.stringify(value)} is neither an Open Badges type nor ext:Name`)
  return value
}

function urnOrUri(kind: string, id: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(id) ? absoluteUri(id, `${kind} id`) : `urn:pathways:${kind}:${encodeURIComponent(id)}`
}

function absoluteUri(value: string, what: string): string {
  if (!URL.canParse(value) || /\s/.test(value)) throw new CredentialInputError(`${what} ${JSON.stringify(value)} is not an absolute URI`)
  return value
}

/** ISO-8601 with a time zone, normalised to UTC without milliseconds (xsd:dateTimeStamp). */
export function dateTime(value: string, what: string): string {
  const ms = Date.parse(value)
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new CredentialInputError(`${what} ${JSON.stringify(value)} is not a date`)
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
