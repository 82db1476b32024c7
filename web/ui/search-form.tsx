/**
 * A search form in the page (the search page, browse by skill, error pages): a visible label, the
 * box and a button, sent as GET /search. `type` restricts it to one kind of result with a hidden
 * field. search.js adds suggestions to the box; without it the form works the same.
 */
import { SEARCH_HREF } from '../links.js'

export interface SearchFormProps {
  /** Id of the input; the label points at it and the suggestions list is named after it. */
  id: string
  label: string
  value?: string
  type?: 'career' | 'skill' | 'credential' | 'resource'
  button?: string
}

export function SearchForm({ id, label, value = '', type, button = 'Search' }: SearchFormProps) {
  return (
    <form className="search-form" role="search" aria-label={label} action={SEARCH_HREF} method="get">
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <div className="suggest">
          <input id={id} name="q" type="search" maxLength={200} defaultValue={value} data-suggest="" {...(type ? { 'data-type': type } : {})} />
        </div>
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <button type="submit">{button}</button>
      </div>
    </form>
  )
}
