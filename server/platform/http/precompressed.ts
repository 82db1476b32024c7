/**
 * A response body kept as bytes, with gzip and brotli variants made on first use and kept: hot read
 * models are serialised and compressed once per catalog version, not once per request.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

export interface Precompressed {
  readonly etag: string
  bytes(encoding: Encoding): Buffer
}

export function precompressed(body: string, etag: string): Precompressed {
  const identity = Buffer.from(body)
  const cache = new Map<Encoding, Buffer>([['identity', identity]])
  return {
    etag,
    bytes(encoding) {
      let bytes = cache.get(encoding)
      if (!bytes) {
        bytes = encoding === 'br'
          ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
          : gzipSync(identity, { level: 9 })
        cache.set(encoding, bytes)
      }
      return bytes
    },
  }
}

/** The best encoding the client accepts (br, then gzip), honouring q=0 refusals. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return 'identity'
}
