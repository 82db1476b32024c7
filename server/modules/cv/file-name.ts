/**
 * Download names for exports (SECURITY.md F1): built by the server from the learner's name, never a
 * path. The plain `filename` is ASCII letters, digits, `-` and `_` only (accents folded, everything
 * else a hyphen), so no quote, CR/LF, slash, backslash or dot-dot can reach the header; `filename*`
 * (RFC 6266 / 8187) carries the readable UTF-8 name, percent-encoded, for clients that support it.
 */
const MAX_STEM = 60

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = {
  Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', ß: 'ss',
  Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'Th', þ: 'th', Ð: 'D', ð: 'd',
}

/** "Zoë Łukasiewicz" → "Zoe-Lukasiewicz"; `fallback` when nothing is left (a name in another script). */
export function asciiStem(name: string, fallback = 'cv'): string {
  const folded = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ŁłØøĐđĦħıßÆæŒœÞþÐð]/g, (c) => UNDECOMPOSED[c] ?? '')
  const stem = folded.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_STEM).replace(/-+$/, '')
  return stem || fallback
}

/** The readable stem: letters and digits of any script, spaces and hyphens folded to one hyphen. */
export function unicodeStem(name: string, fallback = 'cv'): string {
  const stem = name.normalize('NFC').replace(/[^\p{L}\p{N}\p{M}]+/gu, '-').replace(/^-+|-+$/g, '')
  return [...stem].slice(0, MAX_STEM).join('').replace(/-+$/, '') || fallback
}

/** RFC 8187 value: UTF-8, percent-encoded beyond the attr-char set. */
export const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** `attachment; filename="Ada-Lovelace-CV.pdf"; filename*=UTF-8''Ada-Lovelace-CV.pdf` for a name and extension. */
export function attachmentDisposition(name: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '')
  const ascii = `${asciiStem(name)}-CV.${ext}`
  const readable = `${unicodeStem(name)}-CV.${ext}`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(readable)}`
}
