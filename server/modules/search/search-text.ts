/**
 * Text rules shared by indexing and querying, so a query and a title meet on the same terms:
 * lower case without accents, `+`/`#` spelled out (C++, C#), and compounds split and joined —
 * "Back-End" gives `back`, `end` and `backend`, so "backend dev" and "back end developer" both find it.
 */

export const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'for', 'to', 'with', 'or', 'on', 'at', 'by'])

/** Lower case, accents removed, `+` and `#` spelled out; punctuation kept for the tokenizer. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
}

/** Words of a text (letters and digits), in order, stop words kept. */
export function words(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** A title or label reduced to its words joined by single spaces: "Back-End Developer" → "back end developer". */
export const spaced = (text: string): string => words(text).join(' ')

/** The same without spaces: "back-end developer" and "backend developer" are both "backenddeveloper". */
export const compact = (text: string): string => words(text).join('')

/**
 * Index and query terms: every word, plus each compound ("back-end", "node.js", "e-mail") joined into
 * one term. Stop words are dropped unless they are the whole text.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = []
  for (const chunk of normalise(text).split(/[\s,;:()[\]{}"'!?|]+/u)) {
    const parts = chunk.match(/[\p{L}\p{N}]+/gu)
    if (!parts) continue
    terms.push(...parts)
    if (parts.length > 1) terms.push(parts.join(''))
  }
  const kept = terms.filter((t) => !STOP_WORDS.has(t))
  return kept.length > 0 ? kept : terms
}

/** A piece of text and whether it matched the query: highlighting without markup in the data. */
export interface Segment {
  text: string
  match: boolean
}

/**
 * Splits a text into segments, marking each word (or whole compound) equal to one of the matched index
 * terms.
 */
export function highlight(text: string, matchedTerms: readonly string[]): Segment[] {
  if (matchedTerms.length === 0 || text === '') return [{ text, match: false }]
  const segments: Segment[] = []
  const push = (piece: string, match: boolean) => {
    if (piece === '') return
    const last = segments[segments.length - 1]
    if (last && last.match === match) last.text += piece
    else segments.push({ text: piece, match })
  }
  // Runs of word characters joined by - . / make one compound: mark it whole when its joined form matches.
  const pattern = /[\p{L}\p{N}+#]+(?:[-./][\p{L}\p{N}+#]+)*/gu
  let at = 0
  for (const found of text.matchAll(pattern)) {
    const start = found.index
    push(text.slice(at, start), false)
    const token = found[0]
    const joined = compact(token)
    if (matchedTerms.some((t) => covers(t, joined))) push(token, true)
    else {
      // Mark the parts of the compound that match on their own.
      let inner = 0
      for (const part of token.matchAll(/[\p{L}\p{N}+#]+/gu)) {
        push(token.slice(inner, part.index), false)
        push(part[0], matchedTerms.some((t) => covers(t, compact(part[0]))))
        inner = part.index + part[0].length
      }
      push(token.slice(inner), false)
    }
    at = start + token.length
  }
  push(text.slice(at), false)
  return segments
}

/** Matched terms are index terms (the library reports the indexed form of a prefix or fuzzy match). */
const covers = (term: string, word: string): boolean => word === term

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}
