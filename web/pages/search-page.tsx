/**
 * The search page: the form, the results (type, title with the matched words marked, snippet), the
 * filters as links that keep the search (with counts, the active ones removable), and the next page.
 * Everything a person typed or the catalog holds is rendered as text: matched words are <mark>
 * elements around text segments, never markup from the data.
 */
import { Fragment } from 'react'
import type { SearchItem, SearchResults, Source } from '../../shared/schemas.js'
import { capitalise, formatNumber } from '../format.js'
import { BROWSE_HREF, searchItemHref } from '../links.js'
import { FILTERS, searchHref, withFilter, type FilterName, type SearchPageQuery } from '../search/search-params.js'
import { FILTER_NOUNS, FILTER_TITLES, facetValueWords, typeWord } from '../search/search-words.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { Fold } from '../ui/fold.js'
import { Pager } from '../ui/pager.js'
import { SearchForm } from '../ui/search-form.js'

type Segment = SearchItem['highlight']['title'][number]
type FacetValue = SearchResults['facets'][FilterName][number]

/** Facet values shown before the rest fold away. */
const FACET_VALUES_SHOWN = 8

/** Text segments with the matched ones in <mark>; `title` starts the first with a capital (ESCO titles are lower case). */
export function Highlighted({ segments, title = false }: { segments: readonly Segment[]; title?: boolean }) {
  return (
    <>
      {segments.map((segment, i) => {
        const text = title && i === 0 ? capitalise(segment.text) : segment.text
        return <Fragment key={i}>{segment.match ? <mark>{text}</mark> : text}</Fragment>
      })}
    </>
  )
}

function Result({ item }: { item: SearchItem }) {
  return (
    <li className="result">
      <span className={`type-badge type-${item.type}`}>{typeWord(item.type)}</span>
      <h3 className="result-title">
        <a href={searchItemHref(item)}>
          <Highlighted segments={item.highlight.title} title={item.type === 'career'} />
        </a>
      </h3>
      {item.snippet ? (
        <p className="result-snippet">
          <Highlighted segments={item.highlight.snippet} />
        </p>
      ) : null}
    </li>
  )
}

function ActiveFilters({ query }: { query: SearchPageQuery }) {
  const active = FILTERS.filter((name) => query.filters[name] !== undefined)
  if (active.length === 0) return null
  return (
    <div className="active-filters">
      <p>Showing only:</p>
      <ul>
        {active.map((name) => {
          const words = `${FILTER_TITLES[name]}: ${facetValueWords(name, query.filters[name] as string)}`
          return (
            <li key={name}>
              {words}{' '}
              <a href={withFilter(query, name, null)}>
                Remove<span className="visually-hidden"> the filter {words}</span>
              </a>
            </li>
          )
        })}
      </ul>
      {active.length > 1 ? (
        <p>
          <a href={searchHref(query.q, {})}>Remove every filter</a>
        </p>
      ) : null}
    </div>
  )
}

function FacetValues({ query, name, values }: { query: SearchPageQuery; name: FilterName; values: readonly FacetValue[] }) {
  const active = query.filters[name]
  return (
    <Fold
      items={values}
      first={FACET_VALUES_SHOWN}
      noun={FILTER_NOUNS[name]}
      render={(shown) => (
        <ul className="facet-values">
          {shown.map(({ value, count }) => {
            const words = facetValueWords(name, value)
            const counted = <span className="facet-count"> ({formatNumber(count)})</span>
            return (
              <li key={value}>
                {value === active ? (
                  <span className="facet-active" aria-current="true">
                    {words}
                    {counted} <span className="selected-mark">selected</span>
                  </span>
                ) : (
                  <a href={withFilter(query, name, value)}>
                    {words}
                    {counted}
                  </a>
                )}
              </li>
            )
          })}
        </ul>
      )}
    />
  )
}

/** A facet is worth showing when it is in use or would narrow the list; one value covering every result would not. */
const worthShowing = (values: readonly FacetValue[], total: number, active: boolean): boolean =>
  active || (values.length > 0 && !(values.length === 1 && values[0]?.count === total))

function Facets({ query, results }: { query: SearchPageQuery; results: SearchResults }) {
  const shown = FILTERS.filter((name) => worthShowing(results.facets[name], results.total, query.filters[name] !== undefined))
  if (shown.length === 0) return null
  return (
    <section id="filters" className="facets" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Narrow the results</h2>
      {shown.map((name) => (
        <div key={name} className="facet">
          <h3>{FILTER_TITLES[name]}</h3>
          <FacetValues query={query} name={name} values={results.facets[name]} />
        </div>
      ))}
    </section>
  )
}

function NoResults({ query }: { query: SearchPageQuery }) {
  const filtered = FILTERS.some((name) => query.filters[name] !== undefined)
  return (
    <div className="no-results">
      <p className="lead">Nothing matched “{query.q}”{filtered ? ' with these filters' : ''}.</p>
      <ul>
        {filtered ? (
          <li>
            <a href={searchHref(query.q, {})}>Search again without the filters</a>
          </li>
        ) : null}
        <li>Check the spelling, or use fewer or more general words: “nurse” rather than “night-shift nurse”.</li>
        <li>
          Or <a href={BROWSE_HREF}>browse careers by field, interest or skill</a>.
        </li>
      </ul>
    </div>
  )
}

function ResultCount({ query, results }: { query: SearchPageQuery; results: SearchResults }) {
  const n = formatNumber(results.total)
  const noun = results.total === 1 ? 'result' : 'results'
  return (
    <p className="result-count">
      {query.cursor ? `More of the ${n} ${noun}` : `${n} ${noun}`} for “{query.q}”.
      {results.total > results.items.length ? <> <a href="#filters">Narrow them down</a>.</> : null}
    </p>
  )
}

function Results({ query, results }: { query: SearchPageQuery; results: SearchResults }) {
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <ActiveFilters query={query} />
      {results.total === 0 ? (
        <NoResults query={query} />
      ) : (
        <>
          <ResultCount query={query} results={results} />
          {results.matchedAllTerms ? null : (
            <p className="notice">No result has every word you searched for; these match some of them.</p>
          )}
          <ol className="result-list">
            {results.items.map((item) => (
              <Result key={`${item.type}:${item.slug ?? item.id ?? ''}`} item={item} />
            ))}
          </ol>
          <Pager
            label="More results"
            next={results.nextCursor ? searchHref(query.q, query.filters, results.nextCursor) : null}
            first={query.cursor ? searchHref(query.q, query.filters) : null}
          />
        </>
      )}
    </section>
  )
}

function SearchTips() {
  return (
    <p>
      Type a job title, a skill (“Kubernetes”, “patient care”), a credential or a course. Titles in other words work too:
      “programmer” finds Software Developers. Or <a href={BROWSE_HREF}>browse careers by field, interest or skill</a>.
    </p>
  )
}

export interface SearchPageProps {
  query: SearchPageQuery
  /** Null when the page was opened without a search. */
  results: SearchResults | null
  /** The datasets the results come from, credited at the end. */
  datasets: readonly Source[]
}

export function SearchPage({ query, results, datasets }: SearchPageProps) {
  return (
    <>
      <h1>{query.q ? <>Search: “{query.q}”</> : 'Search'}</h1>
      <SearchForm id="search-q" label="Search careers, skills, credentials and courses" value={query.q} />
      {results === null ? (
        <SearchTips />
      ) : (
        <div className="search-layout">
          <Results query={query} results={results} />
          <Facets query={query} results={results} />
        </div>
      )}
      <DatasetNote sources={datasets} />
    </>
  )
}
