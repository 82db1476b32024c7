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

/**
 * Compression effort: `max` (brotli 9, gzip 9) for bodies served many times per version, such as
 * profiles and pages; `fast` (brotli 4, gzip 6) for answers that may be asked once, such as searches.
 */
export type Effort = 'max' | 'fast'

export function precompressed(body: string, etag: string, effort: Effort = 'max'): Precompressed {
  const identity = Buffer.from(body)
  const cache = new Map<Encoding, Buffer>([['identity', identity]])
  return {
    etag,
    bytes(encoding) {
      let bytes = cache.get(encoding)
      if (!bytes) {
        bytes = encoding === 'br'
          ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? 9 : 4, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
          : gzipSync(identity, { level: effort === 'max' ? 9 : 6 })
        // zlib hands back a view of a buffer sized for its output chunks (16 kB or more); a small answer
        // would keep the whole chunk alive for as long as it is cached, so small outputs are copied out.
        if (bytes.byteLength * 2 < bytes.buffer.byteLength) {
          const exact = Buffer.allocUnsafeSlow(bytes.byteLength)
          bytes.copy(exact)
          bytes = exact
        }
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
