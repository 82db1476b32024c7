// Minimal types for the Digital Bazaar packages the verifiable-credentials tests use as an
// independent verifier (test-only dev dependencies; JavaScript without types).

declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: {
    credential: unknown
    suite: unknown
    documentLoader: (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
    now?: Date
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown })
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface KeyPair {
    id?: string
    controller?: string
    publicKeyMultibase: string
    signer(): { id: string; algorithm: string; sign(args: { data: Uint8Array }): Promise<Uint8Array> }
  }
  export function from(key: unknown): Promise<KeyPair>
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>
}

declare module '@digitalbazaar/did-method-key' {
  export function driver(): {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: unknown) => Promise<unknown> }): void
    get(options: { url?: string; did?: string }): Promise<Record<string, unknown>>
  }
}
