/**
 * Slugs and ids derived from published titles. Imported careers share one `slug` column (unique) with the
 * curated catalog, so a slug the catalog already uses gets the source's suffix, and two titles of the same
 * source that reduce to one slug are told apart by a counter in file order (deterministic on re-import).
 */

/** Lowercase ASCII words joined by `-`: accents are dropped first so "Maître" becomes `maitre`, not `ma-tre`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Hands out slugs that are unique within one import and avoid the reserved ones. */
export function createSlugAllocator(reserved: ReadonlySet<string>, suffix: string): (title: string) => string {
  const taken = new Set<string>()
  return (title) => {
    const base = slugify(title) || suffix
    const first = reserved.has(base) ? `${base}-${suffix}` : base
    let slug = first
    for (let n = 2; taken.has(slug) || reserved.has(slug); n++) slug = `${first}-${n}`
    taken.add(slug)
    return slug
  }
}

/** Case- and space-insensitive key for de-duplicating labels ("Web  developer" = "web developer"). */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Labels in the order given, trimmed, without blanks, case-insensitive duplicates or any label equal to
 * one of `exclude` (a career's own title is not an alias of itself).
 */
export function uniqueLabels(labels: Iterable<string>, exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map(labelKey))
  const out: string[] = []
  for (const raw of labels) {
    const label = raw.trim()
    const key = labelKey(label)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    out.push(label)
  }
  return out
}
