/**
 * The stylesheet and the one small script (search suggestions), each read once and addressed by a
 * content hash so browsers may cache it for a year: a changed file gets a new URL, so nothing stale.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cachedBody, type CachedBody } from '../server/platform/http/cached-response.js'

export interface Asset extends CachedBody {
  /** `/assets/<name>?v=<hash>`, the address pages link to. */
  href: string
}

/** The stylesheet; kept as its own name because the pages and tests speak of it. */
export type Stylesheet = Asset

export const STYLESHEET_PATH = '/assets/pathways.css'
export const SCRIPT_PATH = '/assets/search.js'
/** The passport pages' skill and credential pickers (web/skill-picker.js). */
export const PICKER_PATH = '/assets/skill-picker.js'

// From source (tsx, vitest) the files sit beside this module; the compiled build (dist/web/) does not
// copy them, so fall back to the source folder the package ships.
function readAsset(name: string): string {
  const file = [`./${name}`, `../../web/${name}`].map((c) => fileURLToPath(new URL(c, import.meta.url))).find((f) => existsSync(f))
  if (!file) throw new Error(`web/${name} not found next to the web module or in the package`)
  return readFileSync(file, 'utf8')
}

function assetFrom(path: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12)
  return { ...cachedBody(body, `"${hash}"`), href: `${path}?v=${hash}` }
}

export const loadStylesheet = (): Stylesheet => stylesheetFrom(readAsset('pathways.css'))
export const stylesheetFrom = (body: string): Stylesheet => assetFrom(STYLESHEET_PATH, body)

export const loadScript = (): Asset => scriptFrom(readAsset('search.js'))
export const scriptFrom = (body: string): Asset => assetFrom(SCRIPT_PATH, body)

export const loadPickerScript = (): Asset => assetFrom(PICKER_PATH, readAsset('skill-picker.js'))
