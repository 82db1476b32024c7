/**
 * Paging by cursor: the API hands out an opaque "next" cursor, so a list links its next page and,
 * once past the first, back to the start. Both are plain links, so paging needs no script.
 */
export interface PagerProps {
  /** Names the navigation landmark, e.g. "More careers that need Kubernetes". */
  label: string
  /** Address of the next page, or null on the last. */
  next: string | null
  /** Address of the first page, or null when this is it. */
  first: string | null
}

export function Pager({ label, next, first }: PagerProps) {
  if (next === null && first === null) return null
  return (
    <nav aria-label={label} className="pagination pager">
      <ul>
        {first !== null ? (
          <li>
            <a href={first}>
              First page<span className="visually-hidden"> of the list</span>
            </a>
          </li>
        ) : null}
        {next !== null ? (
          <li>
            <a href={next} rel="next">
              Next page<span className="visually-hidden"> of the list</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
