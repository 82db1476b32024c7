/**
 * The credentials Pathways issues, as TypeBox schemas: the builders' output types and the body the
 * verification route accepts. Strict shape (no property the issuer never writes, bounded strings and
 * arrays, so bounded depth), loose values (any string where the issuer writes a string): an altered
 * value is the proof's to reject, with a reason, while an unknown property is refused up front.
 */
import { Type, type Static } from 'typebox'

const strict = { additionalProperties: false } as const

/** Most skills one credential carries (a passport's results, an achievement's alignments). */
export const MAX_SKILLS = 500

const Uri = Type.String({ minLength: 3, maxLength: 2048, pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S*$', description: 'An absolute URI' })
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const DateTime = Type.String({
  maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$',
  description: 'xsd:dateTimeStamp, e.g. 2026-03-02T09:00:00Z',
})
const Types = Type.Array(text(100), { minItems: 1, maxItems: 8 })

export const IssuerProfile = Type.Object({
  id: Uri, type: Types, name: text(200), url: Type.Optional(Uri),
}, { ...strict, description: 'Open Badges 3.0 Profile of the issuing instance; its id is the did:key of the signing key' })

export const Alignment = Type.Object({
  type: Types,
  targetName: text(500),
  targetUrl: Uri,
  targetCode: Type.Optional(text(200)),
  targetFramework: Type.Optional(text(200)),
  targetType: Type.Optional(text(100)),
  targetDescription: Type.Optional(text(2000)),
}, { ...strict, description: 'A skill of a public taxonomy (ESCO URI, O*NET element) the achievement aligns to' })

const Criteria = Type.Object({ id: Type.Optional(Uri), narrative: Type.Optional(text(10_000)) }, strict)

export const ResultDescription = Type.Object({
  id: Uri, type: Types, name: text(500), resultType: text(100),
  valueMin: Type.Optional(text(20)), valueMax: Type.Optional(text(20)),
  alignment: Type.Optional(Type.Array(Alignment, { maxItems: 20 })),
}, strict)

export const Achievement = Type.Object({
  id: Uri, type: Types, name: text(500), description: text(10_000), criteria: Criteria,
  achievementType: Type.Optional(text(100)),
  alignment: Type.Optional(Type.Array(Alignment, { maxItems: MAX_SKILLS })),
  resultDescription: Type.Optional(Type.Array(ResultDescription, { maxItems: MAX_SKILLS })),
}, strict)

const IdentityObject = Type.Object({
  type: text(100), identityHash: text(500), identityType: text(100), hashed: Type.Boolean(), salt: Type.Optional(text(200)),
}, strict)

export const Result = Type.Object({
  type: Types, resultDescription: Uri, value: text(40), alignment: Type.Optional(Type.Array(Alignment, { maxItems: 20 })),
}, strict)

export const AchievementSubject = Type.Object({
  id: Uri, type: Types, achievement: Achievement,
  identifier: Type.Optional(Type.Array(IdentityObject, { maxItems: 5 })),
  result: Type.Optional(Type.Array(Result, { maxItems: MAX_SKILLS })),
}, strict)

const Evidence = Type.Object({
  id: Type.Optional(Uri), type: Types, name: Type.Optional(text(500)), description: Type.Optional(text(2000)),
  genre: Type.Optional(text(100)), narrative: Type.Optional(text(10_000)),
}, strict)

export const DataIntegrityProof = Type.Object({
  type: text(100), cryptosuite: text(100), created: DateTime, verificationMethod: Uri, proofPurpose: text(100),
  proofValue: text(200, 'Multibase (base58btc) Ed25519 signature'),
}, { ...strict, description: 'Data Integrity proof, cryptosuite eddsa-rdfc-2022' })

const credentialProperties = {
  '@context': Type.Array(Uri, { minItems: 1, maxItems: 8 }),
  id: Uri,
  type: Types,
  name: text(500),
  description: Type.Optional(text(10_000)),
  issuer: IssuerProfile,
  validFrom: DateTime,
  validUntil: Type.Optional(DateTime),
  awardedDate: Type.Optional(DateTime),
  credentialSubject: AchievementSubject,
  evidence: Type.Optional(Type.Array(Evidence, { maxItems: MAX_SKILLS })),
}

/** An OpenBadgeCredential before signing. */
export const UnsignedCredential = Type.Object(credentialProperties, strict)

/** An OpenBadgeCredential (VC 2.0) with its Data Integrity proof, as issued. */
export const SignedCredential = Type.Object({ ...credentialProperties, proof: DataIntegrityProof }, {
  ...strict, description: 'An Open Badges 3.0 OpenBadgeCredential (W3C VC 2.0) signed by this instance',
})

export const CheckName = Type.Union([Type.Literal('format'), Type.Literal('proof'), Type.Literal('issuer'), Type.Literal('key'), Type.Literal('validity')])

export const VerificationResult = Type.Object({
  verified: Type.Boolean({ description: 'True when every check passed' }),
  checks: Type.Array(Type.Object({
    check: CheckName,
    passed: Type.Boolean(),
  }), { description: 'format: the credential\'s shape; proof: the eddsa-rdfc-2022 signature over the canonical RDF; issuer: the key belongs to the issuer; key: this instance issued with that key and has not revoked it; validity: validFrom ≤ now < validUntil' }),
  errors: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }), { description: 'Why a check failed; stable codes' }),
}, strict)

export const IssuerKey = Type.Object({
  id: Type.String({ description: 'Verification method id: did:key:z6Mk…#z6Mk…' }),
  type: Type.Literal('Multikey'),
  controller: Type.String({ description: 'The did:key' }),
  publicKeyMultibase: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('revoked')], {
    description: 'active signs new credentials; retired keys still verify what they signed; revoked keys verify nothing',
  }),
  created: Type.String(),
  retired: Type.Union([Type.String(), Type.Null()]),
  revoked: Type.Union([Type.String(), Type.Null()]),
}, strict)

export const IssuerDescription = Type.Object({
  profile: IssuerProfile,
  keys: Type.Array(IssuerKey, { description: 'Every key this instance has signed with, newest first' }),
  didDocument: Type.Unknown({ description: 'The DID document of the active key, as did:key resolves it (Multikey)' }),
}, strict)

export type IssuerProfile = Static<typeof IssuerProfile>
export type Alignment = Static<typeof Alignment>
export type Achievement = Static<typeof Achievement>
export type ResultDescription = Static<typeof ResultDescription>
export type Result = Static<typeof Result>
export type UnsignedCredential = Static<typeof UnsignedCredential>
export type SignedCredential = Static<typeof SignedCredential>
export type DataIntegrityProof = Static<typeof DataIntegrityProof>
export type CheckName = Static<typeof CheckName>
export type VerificationResult = Static<typeof VerificationResult>
export type IssuerKey = Static<typeof IssuerKey>
export type IssuerDescription = Static<typeof IssuerDescription>
