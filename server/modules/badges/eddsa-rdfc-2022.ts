/**
 * The eddsa-rdfc-2022 cryptosuite (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3), written here on
 * node:crypto: the document without its proof and the proof options (with the document's @context)
 * are each expanded to RDF through the local document loader in JSON-LD safe mode (a term no context
 * defines is an error, never silently dropped from what is signed), canonicalised with RDFC-1.0,
 * hashed with SHA-256; Ed25519 signs hash(proof options) ‖ hash(document). proofValue is multibase
 * base58btc.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto'
import jsonld from 'jsonld'
import { canonize } from 'rdf-canonize'
import { documentLoader, UnknownContextError } from './contexts.js'
import { multibaseDecode, multibaseEncode } from './multikey.js'

export const PROOF_TYPE = 'DataIntegrityProof'
export const CRYPTOSUITE = 'eddsa-rdfc-2022'

/** Canonicalisation gives up after this long (a safety net; the verify body is already bounded). */
const CANONICALISE_TIMEOUT_MS = 5000

export interface ProofOptions {
  type: typeof PROOF_TYPE
  cryptosuite: typeof CRYPTOSUITE
  created: string
  verificationMethod: string
  proofPurpose: 'assertionMethod'
}

export type Proof = ProofOptions & { proofValue: string }

/** Why a document could not be canonicalised; `code` is one of the verification error codes. */
export class CanonicalisationError extends Error {
  constructor(
    readonly code: 'context.unknown' | 'jsonld.invalid' | 'jsonld.too_complex',
    message: string,
  ) {
    super(message)
    this.name = 'CanonicalisationError'
  }
}

/** RDFC-1.0 canonical N-Quads of a JSON-LD document, contexts from the local loader only. */
export async function canonicalNQuads(document: object): Promise<string> {
  let dataset: object
  try {
    dataset = await jsonld.toRDF(document, { documentLoader, safe: true, base: null })
  } catch (error) {
    const unknown = findCause(error, (e): e is UnknownContextError => e instanceof UnknownContextError)
    if (unknown) throw new CanonicalisationError('context.unknown', unknown.message)
    throw new CanonicalisationError('jsonld.invalid', `not valid JSON-LD under the credential's contexts: ${describe(error)}`)
  }
  try {
    return await canonize(dataset, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: 1, signal: AbortSignal.timeout(CANONICALISE_TIMEOUT_MS),
    })
  } catch (error) {
    throw new CanonicalisationError('jsonld.too_complex', `the document cannot be canonicalised within limits: ${describe(error)}`)
  }
}

/** hash(canonical proof options) ‖ hash(canonical document): the 64 bytes Ed25519 signs. */
async function hashData(unsecured: Record<string, unknown>, options: ProofOptions): Promise<Buffer> {
  const proofConfig = { '@context': unsecured['@context'], ...options }
  const [documentQuads, proofQuads] = await Promise.all([canonicalNQuads(unsecured), canonicalNQuads(proofConfig)])
  return Buffer.concat([sha256(proofQuads), sha256(documentQuads)])
}

/** Adds an eddsa-rdfc-2022 proof made with `privateKey` (Ed25519) to a document that has none. */
export async function signDocument<T extends Record<string, unknown>>(
  unsecured: T, privateKey: KeyObject, options: Omit<ProofOptions, 'type' | 'cryptosuite' | 'proofPurpose'>,
): Promise<T & { proof: Proof }> {
  if ('proof' in unsecured) throw new Error('the document already has a proof')
  const proofOptions: ProofOptions = { type: PROOF_TYPE, cryptosuite: CRYPTOSUITE, created: options.created, verificationMethod: options.verificationMethod, proofPurpose: 'assertionMethod' }
  const signature = sign(null, await hashData(unsecured, proofOptions), privateKey)
  return { ...unsecured, proof: { ...proofOptions, proofValue: multibaseEncode(signature) } }
}

/**
 * Checks an eddsa-rdfc-2022 proof's signature over the document with `publicKey`. The proof's own
 * fields (type, cryptosuite, purpose) are the caller's to check first; this answers only whether the
 * signature matches. Throws CanonicalisationError when the document cannot be canonicalised.
 */
export async function verifySignature(secured: Record<string, unknown>, proof: Proof, publicKey: KeyObject): Promise<boolean> {
  const signature = multibaseDecode(proof.proofValue)
  if (!signature || signature.length !== 64) return false
  const unsecured = { ...secured }
  delete unsecured.proof
  const options: ProofOptions = { type: proof.type, cryptosuite: proof.cryptosuite, created: proof.created, verificationMethod: proof.verificationMethod, proofPurpose: proof.proofPurpose }
  return verify(null, await hashData(unsecured, options), publicKey, signature)
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

function findCause<E>(error: unknown, match: (e: unknown) => e is E): E | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    if (match(e)) return e
    const next = e as { cause?: unknown; details?: { cause?: unknown } }
    e = next.cause ?? next.details?.cause
  }
  return undefined
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300)
