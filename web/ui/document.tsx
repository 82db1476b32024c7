/**
 * The HTML shell every page shares: language, viewport, one stylesheet, a skip link, the header with
 * the site navigation and a search box, main, and the footer. Pages are complete without JavaScript;
 * the one external script only adds suggestions as people type in a search box.
 */
import type { ReactNode } from 'react'
import { BROWSE_HREF, COMPARE_HREF, SEARCH_HREF } from '../links.js'

/** The versioned stylesheet URL alone, or with the search script's (tests render pages without it). */
export type PageAssets = string | { stylesheet: string; script: string }

/**
 * The account links in the header. Pages served from the shared page cache are the same bytes for
 * everyone, so they carry `generic` (one "Your account" link, which signs anonymous visitors in
 * first); personal pages, rendered per request and never cached, say who is signed in.
 */
export type HeaderAccount =
  | { kind: 'generic' }
  | { kind: 'anonymous'; next?: string }
  | { kind: 'user'; csrfToken: string; platformAdmin: boolean }

export interface DocumentProps {
  title: string
  description: string
  assets: PageAssets
  children: ReactNode
  account?: HeaderAccount
}

const NAV_LINKS: readonly { href: string; text: string }[] = [
  { href: '/', text: 'Career pathways' },
  { href: '/careers', text: 'All careers' },
  { href: BROWSE_HREF, text: 'Browse' },
  { href: COMPARE_HREF, text: 'Compare' },
  { href: SEARCH_HREF, text: 'Search' },
  { href: '/docs', text: 'API' },
]

function NavLinks({ className }: { className: string }) {
  return (
    <ul className={className}>
      {NAV_LINKS.map((link) => (
        <li key={link.href}>
          <a href={link.href}>{link.text}</a>
        </li>
      ))}
    </ul>
  )
}

/** The header's search box; search.js turns it into a combobox with suggestions. */
function HeaderSearch() {
  return (
    <form className="site-search" role="search" aria-label="Site" action={SEARCH_HREF} method="get">
      <label htmlFor="site-search-q" className="visually-hidden">
        Search careers, skills and courses
      </label>
      <div className="suggest">
        <input id="site-search-q" name="q" type="search" maxLength={200} placeholder="Search careers, skills…" data-suggest="" />
      </div>
      <button type="submit">Search</button>
    </form>
  )
}

function AccountNav({ account }: { account: HeaderAccount }) {
  switch (account.kind) {
    case 'generic':
      return (
        <ul className="account-nav">
          <li>
            <a href="/account">Your account</a>
          </li>
        </ul>
      )
    case 'anonymous': {
      const query = account.next ? `?next=${encodeURIComponent(account.next)}` : ''
      return (
        <ul className="account-nav">
          <li>
            <a href={`/sign-in${query}`}>Sign in</a>
          </li>
          <li>
            <a href={`/sign-up${query}`}>Create an account</a>
          </li>
        </ul>
      )
    }
    case 'user':
      return (
        <ul className="account-nav">
          {account.platformAdmin ? (
            <li>
              <a href="/operator/outbox">Outbox</a>
            </li>
          ) : null}
          <li>
            <a href="/passport">Passport</a>
          </li>
          <li>
            <a href="/cv">CV</a>
          </li>
          <li>
            <a href="/schools">Schools</a>
          </li>
          <li>
            <a href="/account">Account</a>
          </li>
          <li>
            <form method="post" action="/sign-out" className="sign-out">
              <input type="hidden" name="_csrf" value={account.csrfToken} />
              <button type="submit">Sign out</button>
            </form>
          </li>
        </ul>
      )
  }
}

export function Document({ title, description, assets, children, account = { kind: 'generic' } }: DocumentProps) {
  const { stylesheet, script } = typeof assets === 'string' ? { stylesheet: assets, script: null } : assets
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
        {script ? <script src={script} defer /> : null}
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
              <NavLinks className="site-nav" />
            </nav>
            <HeaderSearch />
            <nav aria-label="Account">
              <AccountNav account={account} />
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <nav aria-label="Footer">
              <NavLinks className="footer-nav" />
            </nav>
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
