/**
 * Pages to HTML strings. Static markup only: the pages carry no client script, so there is nothing
 * to hydrate. React escapes every text node and attribute, which is what keeps catalog text inert.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
import { indexPage, letterPages } from './career-index.js'
import { displayTitle } from './format.js'
import { CareerIndexPage } from './pages/career-index-page.js'
import { CareerPage } from './pages/career-page.js'
import { HomePage } from './pages/home-page.js'
import { NotFoundPage } from './pages/not-found-page.js'
import { Document } from './ui/document.js'

const SITE = 'Pathways'

function renderDocument(title: string, description: string, stylesheet: string, body: ReactNode): string {
  const html = renderToStaticMarkup(
    <Document title={title} description={description} stylesheet={stylesheet}>
      {body}
    </Document>,
  )
  return `<!doctype html>${html}`
}

export function renderHomePage(careers: readonly CareerSummary[], stylesheet: string): string {
  return renderDocument(
    `Explore careers | ${SITE}`,
    'Careers with pay from every source side by side, skills, credentials and the steps in.',
    stylesheet,
    <HomePage careers={careers} />,
  )
}

export function renderCareerPage(profile: CareerProfile, stylesheet: string): string {
  const kind = profile.origin === 'catalog' ? 'career pathway' : 'career'
  return renderDocument(`${displayTitle(profile.title)}: ${kind} | ${SITE}`, profile.summary, stylesheet, <CareerPage profile={profile} />)
}

/** One page of the A–Z list of every career; `page` must exist (see parsePage). */
export function renderCareerIndexPage(careers: readonly CareerSummary[], page: number, stylesheet: string): string {
  const index = indexPage(careers, page)
  const title = index.pageCount > 1 ? `All careers, page ${page} of ${index.pageCount}` : 'All careers'
  return renderDocument(
    `${title} | ${SITE}`,
    'Every career on Pathways from A to Z: curated career pathways and occupations from O*NET and ESCO.',
    stylesheet,
    <CareerIndexPage index={index} letters={letterPages(careers)} />,
  )
}

export function renderNotFoundPage(careers: readonly CareerSummary[], stylesheet: string, what: 'career' | 'list-page' = 'career'): string {
  const title = what === 'career' ? 'Career not found' : 'Page not found'
  const description = what === 'career' ? 'There is no career at this address.' : 'The list of careers has no page with this number.'
  return renderDocument(`${title} | ${SITE}`, description, stylesheet, <NotFoundPage careers={careers} what={what} />)
}
