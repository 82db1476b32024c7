/**
 * The search, browse, compare, related and catalog-item pages to HTML strings, in the shared
 * document (see render.tsx).
 */
import type { FieldTree, Interest, Source } from '../shared/schemas.js'
import { displayTitle } from './format.js'
import { BrowsePage, InterestPage, type FieldSystemInfo, type InterestPageProps } from './pages/browse-page.js'
import { CredentialPage, ResourcePage, type CredentialPageProps, type ResourcePageProps } from './pages/catalog-item-pages.js'
import { ComparePage, type ComparePageProps } from './pages/compare-page.js'
import { FieldGroupPage, FieldTreePage, type FieldGroupPageProps } from './pages/field-pages.js'
import { RelatedPage, type RelatedPageProps } from './pages/related-page.js'
import { SearchPage, type SearchPageProps } from './pages/search-page.js'
import { SkillPage, type SkillPageProps } from './pages/skill-page.js'
import { renderDocument, SITE, type PageAssets } from './render.js'

/** Marks a later page of a list in its title, so the pages of one list are told apart. */
const later = (cursor: string | null) => (cursor ? ' (more)' : '')

export function renderSearchPage(props: SearchPageProps, assets: PageAssets): string {
  const title = props.query.q ? `Search: ${props.query.q}` : 'Search'
  return renderDocument(`${title}${later(props.query.cursor ?? null)} | ${SITE}`, 'Search careers, skills, credentials and courses.', assets, <SearchPage {...props} />)
}

export function renderBrowsePage(systems: readonly FieldSystemInfo[], interests: readonly Interest[], datasets: readonly Source[], assets: PageAssets): string {
  return renderDocument(
    `Browse careers | ${SITE}`,
    'Careers by field (ISCO-08, SOC 2018, Pathways fields), by interest (RIASEC) and by skill.',
    assets,
    <BrowsePage systems={systems} interests={interests} datasets={datasets} />,
  )
}

export function renderFieldTreePage(tree: FieldTree, datasets: readonly Source[], assets: PageAssets): string {
  return renderDocument(`${tree.title} | ${SITE}`, tree.description, assets, <FieldTreePage tree={tree} datasets={datasets} />)
}

export function renderFieldGroupPage(props: FieldGroupPageProps, assets: PageAssets): string {
  const { group } = props.result
  return renderDocument(
    `${group.title}${later(props.cursor)}: careers | ${SITE}`,
    `Careers in ${group.title} (${props.systemTitle}).`,
    assets,
    <FieldGroupPage {...props} />,
  )
}

export function renderSkillPage(props: SkillPageProps, assets: PageAssets): string {
  const { skill } = props.result
  return renderDocument(`Careers that need ${skill.name}${later(props.cursor)} | ${SITE}`, `Careers that need ${skill.name}, most first.`, assets, <SkillPage {...props} />)
}

export function renderInterestPage(props: InterestPageProps, assets: PageAssets): string {
  const { interest } = props.result
  return renderDocument(`${interest.name} careers${later(props.cursor)} | ${SITE}`, interest.description, assets, <InterestPage {...props} />)
}

export function renderComparePage(props: ComparePageProps, assets: PageAssets): string {
  const titles = props.comparison?.careers.map((c) => displayTitle(c.career.title)) ?? []
  const title = titles.length > 0 ? `Compare ${titles.join(', ')}` : 'Compare careers'
  return renderDocument(`${title} | ${SITE}`, 'Careers side by side: pay, outlook, entry requirements and shared skills.', assets, <ComparePage {...props} />)
}

export function renderRelatedPage(props: RelatedPageProps, assets: PageAssets): string {
  const title = displayTitle(props.related.career.title)
  return renderDocument(
    `Careers related to ${title}${later(props.cursor)} | ${SITE}`,
    `Related careers, careers alike by skills, and where a ${title} could move.`,
    assets,
    <RelatedPage {...props} />,
  )
}

export function renderCredentialPage(props: CredentialPageProps, assets: PageAssets): string {
  return renderDocument(`${props.credential.title}: credential | ${SITE}`, props.credential.summary ?? props.credential.title, assets, <CredentialPage {...props} />)
}

export function renderResourcePage(props: ResourcePageProps, assets: PageAssets): string {
  return renderDocument(`${props.resource.title} | ${SITE}`, props.resource.description ?? props.resource.title, assets, <ResourcePage {...props} />)
}
