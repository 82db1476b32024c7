/**
 * Every title (and its variants) and every alternative title or label in compact form (words joined
 * without spaces: "Back-End Developer" → "backenddeveloper"), so that "which documents is this query
 * exactly, or the start of" costs a hash lookup and a binary search per query instead of a pass over
 * each hit's names.
 */
import { words } from './search-text.js'
import { titleVariants, type SearchDocument } from './search-documents.js'

export interface NameTable {
  /** Documents with a name equal to the query. */
  exact(query: string): Set<number>
  /** Documents with a name starting with the query, at most `cap` of them. */
  startingWith(query: string, cap: number): Set<number>
}

const compactForm = (text: string): string => words(text).join('')

export function buildNameTable(names: Iterable<[id: number, name: string]>): NameTable {
  // One id, or several, per form: most forms name one document.
  const owners = new Map<string, number | number[]>()
  for (const [id, name] of names) {
    const form = compactForm(name)
    if (form === '') continue
    const current = owners.get(form)
    if (current === undefined) owners.set(form, id)
    else if (typeof current === 'number') {
      if (current !== id) owners.set(form, [current, id])
    } else if (!current.includes(id)) current.push(id)
  }
  const forms = [...owners.keys()].sort()
  const add = (out: Set<number>, form: string) => {
    const ids = owners.get(form)
    if (typeof ids === 'number') out.add(ids)
    else if (ids) for (const id of ids) out.add(id)
  }
  return {
    exact: (query) => {
      const out = new Set<number>()
      add(out, compactForm(query))
      return out
    },
    startingWith: (query, cap) => {
      const out = new Set<number>()
      const key = compactForm(query)
      if (key === '') return out
      let lo = 0
      let hi = forms.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((forms[mid] as string) < key) lo = mid + 1
        else hi = mid
      }
      for (let i = lo; i < forms.length && out.size < cap && (forms[i] as string).startsWith(key); i++) add(out, forms[i] as string)
      return out
    },
  }
}

export function* titleNames(docs: readonly SearchDocument[]): Iterable<[number, string]> {
  for (const d of docs) for (const t of titleVariants(d.title)) yield [d.id, t]
}

export function* aliasNames(docs: readonly SearchDocument[]): Iterable<[number, string]> {
  for (const d of docs) for (const a of d.aliases) yield [d.id, a]
}
