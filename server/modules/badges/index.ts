/**
 * Verifiable credentials (issue 6, item 6): the skills passport and each earned achievement as
 * Open Badges 3.0 / W3C VC 2.0 credentials, signed with the instance's Ed25519 key (Data Integrity,
 * eddsa-rdfc-2022), the issuer's did:key profile, and verification. Other modules import only from
 * here.
 *
 * Issuing, for the passport routes (after their own authorisation of the signed-in learner):
 *
 *   const vc = await deps.badges.issueAchievementCredential({
 *     learner: { id: user.id, name: user.displayName },
 *     achievement: { id: 'aws-certified-developer', name, description, criteria, achievementType: 'Certification',
 *       earnedAt: '2025-05-01', skills: [{ uri: 'http://data.europa.eu/esco/skill/…', framework: 'ESCO', label: 'Python' }] },
 *   })
 *   const passport = await deps.badges.issuePassportCredential({ learner, skills: [...], credentials: [...] })
 *
 * Both answer a signed OpenBadgeCredential (JSON, to send as application/vc+ld+json or json) and throw
 * AppError credential.invalid_input (422) for unusable input.
 */
export { createBadgesService, type BadgesService, type BadgesDeps } from './badges.service.js'
export { badgeRoutes } from './badges.routes.js'
export type { AchievementCredentialInput, PassportCredentialInput, LearnerRef, SkillRef, SkillSource } from './credentials.js'
export type { SignedCredential, VerificationResult, IssuerProfile, IssuerKey, IssuerDescription } from './badges.schema.js'
/** The local JSON-LD document loader (bundled contexts only) and the context URLs credentials use. */
export { documentLoader, CONTEXTS, VC_V2_CONTEXT, OB_V3_CONTEXT } from './contexts.js'
