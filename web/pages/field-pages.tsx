/**
 * Careers by field: one page per hierarchy (ISCO-08, SOC 2018, the curated Pathways fields) showing
 * its groups as nested lists with career counts, and one page per group with where it sits, the
 * groups within it and its careers, a page at a time.
 */
import type { FieldCareers, FieldGroup, FieldTree, Source } from '../../shared/schemas.js'
import { formatNumber } from '../format.js'
import { BROWSE_HREF, fieldGroupHref, fieldSystemHref, withQuery } from '../links.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { CareerRefList } from '../ui/career-refs.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { Pager } from '../ui/pager.js'

/** A tree this size or smaller is shown whole; a larger one (ISCO has 600 groups) folds below its top level. */
const SHOWN_WHOLE = 40

const careers = (n: number) => `${formatNumber(n)} ${n === 1 ? 'career' : 'careers'}`

/** Official codes mean something to people who know the classification; curated field codes are just slugs. */
const showsCode = (system: string) => system !== 'pathways'

function GroupLink({ system, group }: { system: string; group: FieldGroup }) {
  return (
    <>
      <a href={fieldGroupHref(system, group.code)}>{group.title}</a>
      {showsCode(system) ? <span className="group-code"> {group.code}</span> : null}
      <span className="item-meta-inline"> · {careers(group.careerCount)}</span>
    </>
  )
}

function Subtree({ system, parent, childrenOf }: { system: string; parent: string; childrenOf: ReadonlyMap<string, FieldGroup[]> }) {
  const children = childrenOf.get(parent) ?? []
  if (children.length === 0) return null
  return (
    <ul className="field-tree">
      {children.map((g) => (
        <li key={g.code}>
          <GroupLink system={system} group={g} />
          <Subtree system={system} parent={g.code} childrenOf={childrenOf} />
        </li>
      ))}
    </ul>
  )
}

function descendants(code: string, childrenOf: ReadonlyMap<string, FieldGroup[]>): number {
  return (childrenOf.get(code) ?? []).reduce((n, g) => n + 1 + descendants(g.code, childrenOf), 0)
}

export function FieldTreePage({ tree, datasets }: { tree: FieldTree; datasets: readonly Source[] }) {
  const childrenOf = new Map<string, FieldGroup[]>()
  for (const g of tree.groups) if (g.parent !== null) childrenOf.set(g.parent, [...(childrenOf.get(g.parent) ?? []), g])
  const top = tree.groups.filter((g) => g.parent === null)
  const fold = tree.groups.length > SHOWN_WHOLE
  return (
    <>
      <Breadcrumb trail={[{ text: 'Browse', href: BROWSE_HREF }, { text: tree.title }]} />
      <h1>{tree.title}</h1>
      <p className="lead">{tree.description}</p>
      {top.length === 0 ? (
        <p>No careers have been filed under this classification yet.</p>
      ) : (
        <p>
          {formatNumber(top.length)} top-level {top.length === 1 ? 'group' : 'groups'}. Each group’s count includes the careers
          of the groups within it.
        </p>
      )}
      <ul className="field-tree field-tree-top">
        {top.map((g) => {
          const within = descendants(g.code, childrenOf)
          return (
            <li key={g.code}>
              <GroupLink system={tree.system} group={g} />
              {fold && within > 0 ? (
                <details className="fold">
                  <summary>
                    Groups within {g.title}
                    <span className="fold-count"> ({formatNumber(within)})</span>
                  </summary>
                  <Subtree system={tree.system} parent={g.code} childrenOf={childrenOf} />
                </details>
              ) : (
                <Subtree system={tree.system} parent={g.code} childrenOf={childrenOf} />
              )}
            </li>
          )
        })}
      </ul>
      <DatasetNote sources={datasets} />
    </>
  )
}

export interface FieldGroupPageProps {
  result: FieldCareers
  /** The hierarchy's name, e.g. "ISCO-08 occupation groups". */
  systemTitle: string
  cursor: string | null
  datasets: readonly Source[]
}

export function FieldGroupPage({ result, systemTitle, cursor, datasets }: FieldGroupPageProps) {
  const { system, group, path, children, items, total, nextCursor } = result
  const here = fieldGroupHref(system, group.code)
  const ancestors = path.filter((g) => g.code !== group.code)
  return (
    <>
      <Breadcrumb
        trail={[
          { text: 'Browse', href: BROWSE_HREF },
          { text: systemTitle, href: fieldSystemHref(system) },
          ...ancestors.map((g) => ({ text: g.title, href: fieldGroupHref(system, g.code) })),
          { text: group.title },
        ]}
      />
      <h1>{group.title}</h1>
      <p className="lead">
        {showsCode(system) ? `Group ${group.code} of the ${systemTitle}: ` : ''}
        {careers(total)}, including those of the groups within it.
      </p>
      {children.length > 0 ? (
        <section aria-labelledby="subgroups-heading">
          <h2 id="subgroups-heading">Groups within {group.title}</h2>
          <ul className="field-tree">
            {children.map((g) => (
              <li key={g.code}>
                <GroupLink system={system} group={g} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="group-careers-heading">
        <h2 id="group-careers-heading">Careers in {group.title}</h2>
        <CareerRefList items={items} career={(c) => c} />
        <Pager label={`More careers in ${group.title}`} next={nextCursor ? withQuery(here, { cursor: nextCursor }) : null} first={cursor ? here : null} />
      </section>
      <DatasetNote sources={datasets} />
    </>
  )
}
