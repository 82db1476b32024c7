import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CONTEXTS, documentLoader, UnknownContextError } from './contexts.js'

/**
 * SHA-256 of each bundled context (JSON.stringify of the package's object). Every signature covers
 * RDF produced through these; a package update that changes one must be a deliberate change here.
 */
const PINNED: Record<string, string> = {
  'https://www.w3.org/ns/credentials/v2': 'bf6fd611e6773d58f649459a45dbbb81f94e8cfd058a756644cd5a4a882c4050',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'e407ae98563c7b4708be4c8198a7f254bc09c131afc68e73d5f90eb0a34c6f7f',
  'https://w3id.org/security/data-integrity/v2': 'be223c58c54657e930970f0d11f03caf7287bddc7be7e6f010855190c6b39c21',
  'https://w3id.org/security/multikey/v1': '91f130b30b6705ee65dfa8f86e74922a74aaa0d5fc8bb35427ec2d607d3ad3eb',
  'https://www.w3.org/ns/did/v1': '922d86fef06acc0754ef45a4d662c51b57dcd1c9dab3bbdc8d71da81285a5270',
}

describe('bundled JSON-LD contexts', () => {
  it('are exactly the pinned ones, unchanged', () => {
    const actual = Object.fromEntries([...CONTEXTS].map(([url, doc]) => [url, createHash('sha256').update(JSON.stringify(doc)).digest('hex')]))
    expect(actual).toEqual(PINNED)
  })

  it('the loader serves a copy (a caller cannot change the bundled context) and refuses every other URL', async () => {
    const loaded = await documentLoader('https://www.w3.org/ns/credentials/v2')
    expect(loaded.documentUrl).toBe('https://www.w3.org/ns/credentials/v2')
    ;(loaded.document as Record<string, unknown>)['@context'] = null
    expect(createHash('sha256').update(JSON.stringify(CONTEXTS.get('https://www.w3.org/ns/credentials/v2'))).digest('hex')).toBe(PINNED['https://www.w3.org/ns/credentials/v2'])
    for (const url of ['https://www.w3.org/2018/credentials/v1', 'https://example.org/context.json', 'http://www.w3.org/ns/credentials/v2', 'file:///etc/passwd', 'did:key:z6Mk']) {
      await expect(documentLoader(url)).rejects.toBeInstanceOf(UnknownContextError)
    }
  })
})
