/** Where a page sits: links up the hierarchy, the page itself last and marked as current. */
export interface Crumb {
  text: string
  /** Omitted for the current page and for levels that have no page of their own. */
  href?: string
}

export function Breadcrumb({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((crumb, i) =>
          i === trail.length - 1 ? (
            <li key={i} aria-current="page">
              {crumb.text}
            </li>
          ) : (
            <li key={i}>{crumb.href ? <a href={crumb.href}>{crumb.text}</a> : crumb.text}</li>
          ),
        )}
      </ol>
    </nav>
  )
}
