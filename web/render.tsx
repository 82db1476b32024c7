/**
 * Pages to HTML strings. Static markup only: the pages carry no client script, so there is nothing
 * to hydrate. React escapes every text node and attribute, which is what keeps catalog text inert.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { CareerProfile, CareerSummary } from '../shared/schemas.js'
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
  return renderDocument(`${profile.title}: career pathway | ${SITE}`, profile.summary, stylesheet, <CareerPage profile={profile} />)
}

export function renderNotFoundPage(careers: readonly CareerSummary[], stylesheet: string): string {
  return renderDocument(`Career not found | ${SITE}`, 'There is no career at this address.', stylesheet, <NotFoundPage careers={careers} />)
}
