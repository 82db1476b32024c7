/**
 * Verifies a credential this instance issued, with this module's own eddsa-rdfc-2022 code: its
 * shape, the proof (type, cryptosuite, purpose, did:key verification method, signature over the
 * canonical RDF), that the signing key is the issuer's (the did:key is issuer.id), that this instance
 * holds the key and has not revoked it, and the validity period. Every check runs, so the answer
 * lists every reason at once.
 */
import { Value } from 'typebox/value'
import { SignedCredential, type CheckName, type VerificationResult } from './badges.schema.js'
import { CanonicalisationError, CRYPTOSUITE, PROOF_TYPE, verifySignature, type Proof } from './eddsa-rdfc-2022.js'
import { ed25519PublicKeyObject, parseDidKeyMethod } from './multikey.js'
import type { IssuerKeyRow } from './issuer-keys.repository.js'

export interface VerifyDeps {
  /** The key row for a Multikey, if this instance ever had the key. */
  findKey(multikey: string): Promise<IssuerKeyRow | undefined>
  now(): number
}

type Failure = { code: string; message: string }

export async function verifyCredential(credential: unknown, deps: VerifyDeps): Promise<VerificationResult> {
  const checks: VerificationResult['checks'] = []
  const errors: Failure[] = []
  const record = (check: CheckName, failures: Failure[]) => {
    checks.push({ check, passed: failures.length === 0 })
    errors.push(...failures)
  }
  if (!Value.Check(SignedCredential, credential)) {
    const first = Value.Errors(SignedCredential, credential)[0]
    record('format', [{ code: 'credential.malformed', message: `not a credential this instance issues${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}` }])
    return { verified: false, checks, errors }
  }
  record('format', [])
  const method = parseDidKeyMethod(credential.proof.verificationMethod)
  record('proof', await proofFailures(credential, method))
  record('issuer', method && method.did !== credential.issuer.id
    ? [{ code: 'issuer.key_mismatch', message: 'the proof\'s key is not the issuer\'s: issuer.id must be the did:key of the verification method' }]
    : [])
  record('key', method ? keyFailures(await deps.findKey(method.multikey)) : [{ code: 'key.unknown', message: 'the proof names no key of this instance' }])
  record('validity', validityFailures(credential, deps.now()))
  return { verified: errors.length === 0, checks, errors }
}

async function proofFailures(credential: SignedCredential, method: ReturnType<typeof parseDidKeyMethod>): Promise<Failure[]> {
  const { proof } = credential
  if (proof.type !== PROOF_TYPE || proof.cryptosuite !== CRYPTOSUITE) {
    return [{ code: 'proof.unsupported', message: `only ${PROOF_TYPE} proofs with the ${CRYPTOSUITE} cryptosuite are accepted` }]
  }
  if (proof.proofPurpose !== 'assertionMethod') return [{ code: 'proof.purpose', message: 'the proof purpose must be assertionMethod' }]
  if (!method) return [{ code: 'proof.verification_method', message: 'the verification method must be an Ed25519 did:key (did:key:z6Mk…#z6Mk…)' }]
  try {
    const valid = await verifySignature(credential, proof as Proof, ed25519PublicKeyObject(method.publicKey))
    return valid ? [] : [{ code: 'proof.invalid_signature', message: 'the signature does not match the credential: it was changed after signing, or signed by another key' }]
  } catch (error) {
    if (error instanceof CanonicalisationError) return [{ code: error.code, message: error.message }]
    throw error
  }
}

function keyFailures(row: IssuerKeyRow | undefined): Failure[] {
  if (!row) return [{ code: 'key.unknown', message: 'this instance never issued with that key' }]
  if (row.revoked_at) return [{ code: 'key.revoked', message: `the issuer revoked that key on ${row.revoked_at}` }]
  return []
}

function validityFailures(credential: SignedCredential, now: number): Failure[] {
  const failures: Failure[] = []
  const from = Date.parse(credential.validFrom)
  const until = credential.validUntil === undefined ? undefined : Date.parse(credential.validUntil)
  if (Number.isNaN(from) || (until !== undefined && Number.isNaN(until))) return [{ code: 'validity.invalid_date', message: 'validFrom or validUntil is not a date' }]
  if (from > now) failures.push({ code: 'validity.not_yet_valid', message: `the credential is valid from ${credential.validFrom}` })
  if (until !== undefined && until <= now) failures.push({ code: 'validity.expired', message: `the credential expired at ${credential.validUntil}` })
  return failures
}
