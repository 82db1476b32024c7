/**
 * Works out which files an input path provides, by base name: the files directly in a folder plus the
 * entries of the zips directly in it, the entries of a zip, or a single data file. Sub-folders are not
 * searched; symbolic links inside a folder are skipped so an input cannot point outside itself.
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { ImportInputError } from '../import-types.js'
import type { InputLimits } from './input-limits.js'
import { openZipFile, type ZipArchive, type ZipEntry } from './zip-archive.js'

export type Source =
  { kind: 'file'; path: string; where: string } | { kind: 'entry'; archive: ZipArchive; entry: ZipEntry; where: string }

export interface Catalog {
  /** Base name → every place providing it; more than one place is an error when the name is read. */
  sources: Map<string, Source[]>
  archives: ZipArchive[]
}

export const DATA_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx']

export async function catalogPath(path: string, limits: InputLimits): Promise<Catalog> {
  const info = await stat(path).catch(() => undefined)
  if (!info) throw new ImportInputError(path, 'no such file or folder')
  const isDataFile = info.isFile() && DATA_EXTENSIONS.includes(extname(path).toLowerCase())
  if (!info.isDirectory() && !isDataFile && !(info.isFile() && isZip(path))) {
    throw new ImportInputError(path, `is not a folder, a .zip or a data file (${DATA_EXTENSIONS.join(', ')})`)
  }
  const catalog: Catalog = { sources: new Map(), archives: [] }
  try {
    if (info.isDirectory()) await addFolder(catalog, path, limits)
    else if (isDataFile) addSource(catalog, basename(path), { kind: 'file', path, where: basename(path) })
    else await addZip(catalog, path, basename(path), limits)
  } catch (error) {
    for (const archive of catalog.archives) archive.close()
    throw error
  }
  return catalog
}

async function addFolder(catalog: Catalog, folder: string, limits: InputLimits): Promise<void> {
  const items = await readdir(folder, { withFileTypes: true })
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const item of items) {
    if (!item.isFile()) continue
    const path = join(folder, item.name)
    addSource(catalog, item.name, { kind: 'file', path, where: item.name })
    if (isZip(item.name)) await addZip(catalog, path, item.name, limits)
  }
}

async function addZip(catalog: Catalog, path: string, label: string, limits: InputLimits): Promise<void> {
  const archive = await openZipFile(path, label, limits)
  catalog.archives.push(archive)
  for (const entry of archive.entries) {
    addSource(catalog, entry.baseName, { kind: 'entry', archive, entry, where: `${label}/${entry.path}` })
  }
}

function addSource(catalog: Catalog, name: string, source: Source): void {
  const known = catalog.sources.get(name)
  if (known) known.push(source)
  else catalog.sources.set(name, [source])
}

function isZip(name: string): boolean {
  return extname(name).toLowerCase() === '.zip'
}
