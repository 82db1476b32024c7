/**
 * What the compare page was asked for, pure: `?careers=a,b` (links, canonical) and `?career=…`
 * repeated (the form's boxes), each a slug or an exact title, resolved to careers. Empty boxes are
 * skipped and a career given twice counts once; a name that matches no career is a problem naming
 * the box it came from.
 */
export const MAX_COMPARED = 4

/** One box of the form as it should be shown again. */
export interface CompareEntry {
  /** What the box holds: what was typed, or the title of the career it resolved to. */
  text: string
  slug: string | null
  /** Set when the text names no career. */
  error: string | null
}

export interface CompareRequest {
  /** The boxes of the form, in order, MAX_COMPARED of them (empty ones have text ''). */
  entries: CompareEntry[]
  /** Distinct careers resolved, in order. */
  slugs: string[]
  /** Problems not tied to one box (too many careers). */
  problems: string[]
  /** True when the address already is `/compare?careers=` with slugs only (no redirect needed). */
  canonical: boolean
}

export interface CareerResolver {
  /** Slug or exact title (or alternative title) → slug. */
  resolve(text: string): string | undefined
  /** The title shown for a slug, when it resolves back to the same career; else the slug is shown. */
  title(slug: string): string | undefined
}

const values = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')

export const boxLabel = (i: number): string => `Career ${i + 1}`

export function readCompareRequest(raw: Readonly<Record<string, unknown>>, careers: CareerResolver): CompareRequest {
  const fromList = values(raw.careers).flatMap((v) => v.split(','))
  const fromBoxes = values(raw.career)
  const texts = [...fromList, ...fromBoxes].map((t) => t.trim().slice(0, 300)).filter((t) => t !== '')
  const problems = texts.length > MAX_COMPARED ? [`Compare at most ${MAX_COMPARED} careers at once; ${texts.length} were given.`] : []
  const entries: CompareEntry[] = texts.slice(0, MAX_COMPARED).map((text, i) => {
    const slug = careers.resolve(text) ?? null
    if (slug === null) {
      return { text, slug, error: `${boxLabel(i)}: no career is called “${text}”. Type the title exactly as its page shows it, or pick it from the suggestions.` }
    }
    const title = careers.title(slug)
    return { text: title !== undefined && careers.resolve(title) === slug ? title : slug, slug, error: null }
  })
  const slugs = [...new Set(entries.flatMap((e) => (e.slug === null ? [] : [e.slug])))]
  while (entries.length < MAX_COMPARED) entries.push({ text: '', slug: null, error: null })
  const canonical = fromBoxes.length === 0 && fromList.every((t) => slugs.includes(t.trim())) && fromList.length === slugs.length
  return { entries, slugs, problems, canonical }
}

export const hasErrors = (request: CompareRequest): boolean =>
  request.problems.length > 0 || request.entries.some((e) => e.error !== null)
