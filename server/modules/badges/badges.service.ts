/**
 * Verifiable credentials of the instance: its issuer profile and keys, signing a learner's earned
 * achievement or whole skills passport as an Open Badges 3.0 credential, and verifying credentials
 * it issued. Issuing is for the passport routes to call for a signed-in learner; nothing here is an
 * open signing endpoint.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/http/errors.js'
import type { Database } from '../../platform/db/types.js'
import type { IssuerDescription, IssuerKey, IssuerProfile, SignedCredential, UnsignedCredential, VerificationResult } from './badges.schema.js'
import {
  buildAchievementCredential, buildPassportCredential, CredentialInputError, dateTime,
  type AchievementCredentialInput, type IssueContext, type PassportCredentialInput,
} from './credentials.js'
import { signDocument } from './eddsa-rdfc-2022.js'
import { createIssuerKeyStore, keyView } from './issuer-keys.js'
import { didKeyDocument } from './multikey.js'
import { verifyCredential } from './verify.js'

export interface BadgesDeps {
  db: Kysely<Database>
  /** SECRET_KEY: wraps the signing keys at rest. */
  secretKey: string
  clock: { now(): number }
  /** The issuer's name in every credential; default "Pathways". */
  issuerName?: string
  /** The issuer's web address (PUBLIC_ORIGIN), when the instance has one. */
  issuerUrl?: string
  /** Credential ids; default urn:uuid: of a random UUID. */
  newCredentialId?: () => string
}

/**
 * Verification canonicalises the whole credential (about 0.5 s of a core for a 500-skill passport),
 * so a burst of verifications runs a few at a time and the rest are refused at once (503
 * service.busy with Retry-After) rather than queueing without bound.
 */
const VERIFY_SLOTS = 2
const VERIFY_QUEUE = 8

function createGate(slots: number, queue: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= slots) {
      if (waiting.length >= queue) throw new AppError('service.busy', 503, 'Too many credentials are being verified right now; retry shortly.', { retryAfter: 1 })
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else {
      active += 1
    }
    try {
      return await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active -= 1
    }
  }
}

export function createBadgesService(deps: BadgesDeps) {
  const verifyGate = createGate(VERIFY_SLOTS, VERIFY_QUEUE)
  const keys = createIssuerKeyStore({ db: deps.db, secretKey: deps.secretKey, now: () => deps.clock.now() })
  const newId = deps.newCredentialId ?? (() => `urn:uuid:${randomUUID()}`)
  const profileFor = (did: string): IssuerProfile => ({
    id: did, type: ['Profile'], name: deps.issuerName ?? 'Pathways', ...(deps.issuerUrl ? { url: deps.issuerUrl } : {}),
  })

  async function issue(build: (context: IssueContext) => UnsignedCredential): Promise<SignedCredential> {
    const key = await keys.current()
    const issuedAt = dateTime(new Date(deps.clock.now()).toISOString(), 'now')
    let unsigned: UnsignedCredential
    try {
      unsigned = build({ issuer: profileFor(key.did), credentialId: newId(), issuedAt })
    } catch (error) {
      if (error instanceof CredentialInputError) throw new AppError('credential.invalid_input', 422, error.message)
      throw error
    }
    return signDocument(unsigned, key.privateKey, { created: issuedAt, verificationMethod: key.verificationMethod })
  }

  return {
    /** The issuer Profile new credentials carry (its id is the active key's did:key). */
    async issuerProfile(): Promise<IssuerProfile> {
      return profileFor(keyView(await keys.currentRow()).controller)
    },

    /** The profile, every key (active, retired, revoked) and the active key's DID document. */
    async describeIssuer(): Promise<IssuerDescription> {
      const active = await keys.currentRow()
      const all = await keys.all()
      return { profile: profileFor(keyView(active).controller), keys: all.map(keyView), didDocument: didKeyDocument(active.public_key_multibase) }
    },

    /** Signs one earned achievement as an OpenBadgeCredential; 422 credential.invalid_input for unusable input. */
    issueAchievementCredential: (input: AchievementCredentialInput): Promise<SignedCredential> =>
      issue((context) => buildAchievementCredential(input, context)),

    /** Signs the whole skills passport as an OpenBadgeCredential; 422 credential.invalid_input for unusable input. */
    issuePassportCredential: (input: PassportCredentialInput): Promise<SignedCredential> =>
      issue((context) => buildPassportCredential(input, context)),

    /** Verifies a credential this instance issued (any JSON value in; a result with reasons out); 503 service.busy in a burst. */
    verify: (credential: unknown): Promise<VerificationResult> =>
      verifyGate(() => verifyCredential(credential, { findKey: (multikey) => keys.find(multikey), now: () => deps.clock.now() })),

    /** Signs with a new key from now on; the old keys still verify what they signed. */
    rotateKey: (): Promise<IssuerKey> => keys.rotate(),

    /** Revokes a key (by its publicKeyMultibase): what it signed no longer verifies. */
    revokeKey: (multikey: string): Promise<IssuerKey | undefined> => keys.revoke(multikey),
  }
}

export type BadgesService = ReturnType<typeof createBadgesService>
