/**
 * The HTML shell every page shares: language, viewport, one stylesheet, a skip link, and the
 * header / main / footer landmarks. No scripts: the pages are complete without JavaScript.
 */
import type { ReactNode } from 'react'

export interface DocumentProps {
  title: string
  description: string
  /** Versioned stylesheet URL, e.g. /assets/pathways.css?v=1a2b3c4d. */
  stylesheet: string
  children: ReactNode
}

export function Document({ title, description, stylesheet, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <meta name="color-scheme" content="light" />
        {/* An empty icon stops the browser asking for /favicon.ico, which does not exist. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <a className="brand" href="/">
              Pathways
            </a>
            <nav aria-label="Site">
              <ul className="site-nav">
                <li>
                  <a href="/">Career pathways</a>
                </li>
                <li>
                  <a href="/careers">All careers</a>
                </li>
                <li>
                  <a href="/docs">API</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Pathways is open-source software. Every figure names its source, period and place; each career page
              ends with the full list of sources, their licences and the attribution they ask for.
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
