/**
 * The one stylesheet, read once and addressed by a content hash so browsers may cache it for a
 * year: a changed file gets a new URL, so no stale styles.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cachedBody, type CachedBody } from '../server/platform/http/cached-response.js'

export interface Stylesheet extends CachedBody {
  /** `/assets/pathways.css?v=<hash>`, the address pages link to. */
  href: string
}

export const STYLESHEET_PATH = '/assets/pathways.css'

// From source (tsx, vitest) the CSS sits beside this module; the compiled build (dist/web/) does not
// copy it, so fall back to the source folder the package ships.
const CANDIDATES = ['./pathways.css', '../../web/pathways.css']

export function loadStylesheet(): Stylesheet {
  const file = CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url))).find((f) => existsSync(f))
  if (!file) throw new Error('web/pathways.css not found next to the web module or in the package')
  return stylesheetFrom(readFileSync(file, 'utf8'))
}

export function stylesheetFrom(body: string): Stylesheet {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12)
  return { ...cachedBody(body, `"${hash}"`), href: `${STYLESHEET_PATH}?v=${hash}` }
}
