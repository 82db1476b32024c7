/**
 * Pages to HTML strings. Static markup only: nothing is hydrated (the one script, search suggestions,
 * builds its own DOM). React escapes every text node and attribute, which is what keeps catalog text
 * and what people type inert.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
import { indexPage, letterPages } from './career-index.js'
import { displayTitle } from './format.js'
import { CareerIndexPage } from './pages/career-index-page.js'
import { CareerPage } from './pages/career-page.js'
import { HomePage } from './pages/home-page.js'
import { BadRequestPage, MISSING, NotFoundPage, type Missing } from './pages/not-found-page.js'
import { Document, type PageAssets } from './ui/document.js'

export type { PageAssets }

export const SITE = 'Pathways'

export function renderDocument(title: string, description: string, assets: PageAssets, body: ReactNode): string {
  const html = renderToStaticMarkup(
    <Document title={title} description={description} assets={assets}>
      {body}
    </Document>,
  )
  return `<!doctype html>${html}`
}

export function renderHomePage(careers: readonly CareerSummary[], assets: PageAssets): string {
  return renderDocument(
    `Explore careers | ${SITE}`,
    'Careers with pay from every source side by side, skills, credentials and the steps in.',
    assets,
    <HomePage careers={careers} />,
  )
}

export function renderCareerPage(profile: CareerProfile, assets: PageAssets): string {
  const kind = profile.origin === 'catalog' ? 'career pathway' : 'career'
  return renderDocument(`${displayTitle(profile.title)}: ${kind} | ${SITE}`, profile.summary, assets, <CareerPage profile={profile} />)
}

/** One page of the A–Z list of every career; `page` must exist (see parsePage). */
export function renderCareerIndexPage(careers: readonly CareerSummary[], page: number, assets: PageAssets): string {
  const index = indexPage(careers, page)
  const title = index.pageCount > 1 ? `All careers, page ${page} of ${index.pageCount}` : 'All careers'
  return renderDocument(
    `${title} | ${SITE}`,
    'Every career on Pathways from A to Z: curated career pathways and occupations from O*NET and ESCO.',
    assets,
    <CareerIndexPage index={index} letters={letterPages(careers)} />,
  )
}

export function renderNotFoundPage(careers: readonly CareerSummary[], assets: PageAssets, what: Missing = 'career'): string {
  const { title, text } = MISSING[what]
  return renderDocument(`${title} | ${SITE}`, text, assets, <NotFoundPage careers={careers} what={what} />)
}

/** 400: the address's query cannot be used; `problems` say why, in words. */
export function renderBadRequestPage(careers: readonly CareerSummary[], assets: PageAssets, problems: readonly string[]): string {
  return renderDocument(`This address cannot be shown | ${SITE}`, 'Part of the address is not something this page understands.', assets, <BadRequestPage careers={careers} problems={problems} />)
}
