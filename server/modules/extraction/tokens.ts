/**
 * Tokens with their character offsets in the original text, so a match can point back at exactly the
 * characters the person typed (accents, CRLF and all). Labels go through the same tokenizer, so a label
 * and a text meet on the same keys by construction.
 *
 * - A token is a run of letters, digits and combining marks, with a trailing `++` or `#` kept (C++, C#,
 *   F#); a lone `&` is a token of its own whose key is `and` ("R&D", "sales & marketing").
 * - Its key is the search module's compact form (accents removed, lower case, `+`/`#` spelled out), so
 *   "Pâtisserie" and "patisserie" meet and "C#" is `csharp`.
 * - Its stem (see `stem`) lets "databases" meet "database" and "developing" meet "develop".
 * - `joinsNext` says whether the token may be followed by the next one inside a multi-word label: not
 *   across a line break or punctuation that ends a phrase (, ; : ! ? brackets quotes bullets, or a full
 *   stop followed by a space), so "Java. Script" or two lines of a list never make one skill.
 * - `tight` marks a token glued to the next by `-`, `.` or `/` alone ("back-end", "node.js"): the two
 *   may also be read as one joined word.
 */
import { compact } from '../search/search-text.js'

export interface Token {
  start: number
  end: number
  /** The characters as written. */
  surface: string
  key: string
  stem: string
  joinsNext: boolean
  tight: boolean
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:\+\+|#)?|&/gu
/** What may stand between two words of one label: spaces (not a line break), hyphens, slashes, apostrophes, in-word dots. */
const JOINING_GAP = /^(?:[ \t\u00a0\-\u2010-\u2013/'\u2019]|\.(?![\s]))*$/u
const TIGHT_GAP = /^[-\u2010\u2011./]$/u

export function keyOf(surface: string): string {
  return surface === '&' ? 'and' : compact(surface)
}

/** Splits a text into tokens; linear in its length. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const found of text.matchAll(TOKEN)) {
    const surface = found[0]
    const key = keyOf(surface)
    if (key === '') continue
    tokens.push({ start: found.index, end: found.index + surface.length, surface, key, stem: stem(key), joinsNext: false, tight: false })
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const here = tokens[i] as Token
    const gap = text.slice(here.end, (tokens[i + 1] as Token).start)
    // Very long gaps are never joining; the length check keeps the regex work per gap bounded.
    here.joinsNext = gap.length <= 8 && JOINING_GAP.test(gap)
    here.tight = TIGHT_GAP.test(gap)
  }
  return tokens
}

const VOWEL = /[aeiouy]/

/**
 * A deliberately light English stemmer, applied to both labels and text: plural and verb endings only,
 * never derivational ones ("developer" stays apart from "develop": an occupation is not a skill).
 * Words of four letters or fewer, and anything with a digit, are left alone.
 *   technologies → technology, processes → process, databases → databas ← database,
 *   developing/developed/develops → develop, managing → manag ← manage, planning → plan
 */
export function stem(key: string): string {
  if (key.length <= 4 || /\d/.test(key)) return key
  let word = key
  if (word.endsWith('ies') && word.length > 5) word = `${word.slice(0, -3)}y`
  else if (word.endsWith('sses')) word = word.slice(0, -2)
  else if (word.endsWith('ing') && VOWEL.test(word.slice(0, -3)) && word.length >= 7) word = undouble(word.slice(0, -3))
  else if (word.endsWith('ed') && VOWEL.test(word.slice(0, -2)) && word.length >= 6) word = undouble(word.slice(0, -2))
  else if (word.endsWith('s') && !/(?:ss|us|is|ys)$/.test(word)) word = word.slice(0, -1)
  if (word.endsWith('e') && word.length >= 5) word = word.slice(0, -1)
  return word
}

/** Plural endings only: "databases" → "database", "technologies" → "technology", "boxes" → "box". */
export function singular(key: string): string {
  if (key.length <= 3 || /\d/.test(key)) return key
  if (key.endsWith('ies') && key.length > 4) return `${key.slice(0, -3)}y`
  if (/(?:ss|x|ch|sh)es$/.test(key)) return key.slice(0, -2)
  if (key.endsWith('s') && !/(?:ss|us|is)$/.test(key)) return key.slice(0, -1)
  return key
}

/** "plann" → "plan", "runn" → "run"; ll, ss, zz and ff are kept ("install", "process"). */
function undouble(word: string): string {
  const last = word[word.length - 1]
  if (word.length >= 4 && last === word[word.length - 2] && last !== undefined && !'lsfzaeiou'.includes(last)) return word.slice(0, -1)
  return word
}
