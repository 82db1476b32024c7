/**
 * Small pieces the account and school pages share: dates as people read them, a device summary from
 * a user-agent string, role names in words, and the account pages' own navigation.
 */
import type { ReactNode } from 'react'

/** "2 Mar 2026, 09:00 UTC" inside a <time> carrying the exact instant. */
export function When({ iso }: { iso: string | null }) {
  if (iso === null) return <>never</>
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return <>{iso}</>
  const words = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`
  return <time dateTime={date.toISOString()}>{words}</time>
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')

const BROWSERS: readonly [RegExp, string][] = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/Firefox\//, 'Firefox'], [/Chrome\/|Chromium\//, 'Chrome'], [/Safari\//, 'Safari'], [/curl\//, 'curl']]
const SYSTEMS: readonly [RegExp, string][] = [[/Android/, 'Android'], [/iPhone|iPad|iPod/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X|Macintosh/, 'macOS'], [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']]

/** "Firefox on Windows", or "Unknown device" when the browser sent nothing recognisable. */
export function deviceSummary(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1]
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1]
  if (browser && system) return `${browser} on ${system}`
  return browser ?? system ?? 'Unknown device'
}

const ROLE_WORDS: Record<string, string> = { learner: 'Learner', educator: 'Educator', school_admin: 'School administrator', platform_admin: 'Platform administrator', owner: 'You' }

export const roleWords = (role: string): string => ROLE_WORDS[role] ?? ROLE_WORDS[role.replace(/^api_key:/, '')] ?? role

const ACCOUNT_NAV = [
  { href: '/account', text: 'Profile' },
  { href: '/account/password', text: 'Password' },
  { href: '/account/sessions', text: 'Sessions' },
  { href: '/account/api-keys', text: 'API keys' },
  { href: '/account/access-log', text: 'Who read my record' },
  { href: '/account/delete', text: 'Delete account' },
]

/** The account section's navigation with the current page marked. */
export function AccountNav({ current }: { current: string }) {
  return (
    <nav aria-label="Your account" className="sub-nav">
      <ul>
        {ACCOUNT_NAV.map((link) => (
          <li key={link.href}>
            <a href={link.href} {...(link.href === current ? { 'aria-current': 'page' as const } : {})}>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A labelled list of facts about one thing (a session, a key, an invitation). */
export function Facts({ items }: { items: readonly [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
