/**
 * Read-only access to a zip's entries by streaming them out of the archive: nothing is extracted to disk.
 * Every entry is vetted when the zip is opened, and the whole archive is refused if any entry is unsafe.
 */
import yauzl from 'yauzl'
import { ImportInputError } from '../import-types.js'
import type { InputLimits } from './input-limits.js'
import { errorText, guardEntry } from './zip-entry-guard.js'
import { entryBaseName, entryRejection, isDirectoryEntry } from './zip-entry-rules.js'

export interface ZipEntry {
  /** Path inside the zip. */
  readonly path: string
  readonly baseName: string
  readonly entry: yauzl.Entry
}

export interface ZipArchive {
  /** How messages name the archive (its base name, or the name of the input it came from). */
  readonly label: string
  readonly entries: readonly ZipEntry[]
  /** Streams one entry's uncompressed bytes, enforcing the size limits as they arrive. */
  read(entry: ZipEntry): AsyncIterable<Buffer>
  close(): void
}

// strictFileNames off: yauzl turns `\` into `/` first, so `..\x` is caught as traversal like `../x`.
const OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: true,
  validateEntrySizes: true,
  strictFileNames: false,
}

export function openZipFile(path: string, label: string, limits: InputLimits): Promise<ZipArchive> {
  return openArchive(() => yauzl.openPromise(path, OPTIONS), label, limits)
}

export function openZipBuffer(bytes: Buffer, label: string, limits: InputLimits): Promise<ZipArchive> {
  return openArchive(() => yauzl.fromBufferPromise(bytes, OPTIONS), label, limits)
}

async function openArchive(
  open: () => Promise<yauzl.ZipFile>,
  label: string,
  limits: InputLimits,
): Promise<ZipArchive> {
  let zip: yauzl.ZipFile
  try {
    zip = await open()
  } catch (error) {
    throw new ImportInputError(label, `not a readable zip archive (${errorText(error)})`)
  }
  try {
    const entries = await listEntries(zip, label, limits)
    return {
      label,
      entries,
      read: (entry) => readEntry(zip, entry, label, limits),
      close: () => zip.close(),
    }
  } catch (error) {
    zip.close()
    throw error
  }
}

async function listEntries(zip: yauzl.ZipFile, label: string, limits: InputLimits): Promise<ZipEntry[]> {
  const tooMany = () => new ImportInputError(label, `holds more than ${limits.maxEntries} entries (entry-count limit)`)
  if (zip.entryCount > limits.maxEntries) throw tooMany()
  const entries: ZipEntry[] = []
  let seen = 0
  let declaredTotal = 0
  try {
    for await (const entry of zip.eachEntry()) {
      if (++seen > limits.maxEntries) throw tooMany()
      const problem = entryRejection(entry, limits)
      if (problem) throw new ImportInputError(label, `refused entry ${JSON.stringify(entry.fileName)}: ${problem}`)
      if (isDirectoryEntry(entry.fileName)) continue
      declaredTotal += entry.uncompressedSize
      if (declaredTotal > limits.maxTotalBytes) {
        throw new ImportInputError(
          label,
          `expands to more than ${limits.maxTotalBytes} bytes in total (total-size limit)`,
        )
      }
      entries.push({ path: entry.fileName, baseName: entryBaseName(entry.fileName), entry })
    }
  } catch (error) {
    if (error instanceof ImportInputError) throw error
    // yauzl's own refusals (absolute path, "..", bad sizes, corrupt records) arrive here.
    throw new ImportInputError(label, `refused: unsafe or corrupt zip (${errorText(error)})`)
  }
  return entries
}

async function* readEntry(
  zip: yauzl.ZipFile,
  item: ZipEntry,
  label: string,
  limits: InputLimits,
): AsyncGenerator<Buffer> {
  const guarded = {
    path: item.path,
    compressedSize: item.entry.compressedSize,
    uncompressedSize: item.entry.uncompressedSize,
  }
  let stream: AsyncIterable<Buffer>
  try {
    stream = await zip.openReadStreamPromise(item.entry)
  } catch (error) {
    throw new ImportInputError(label, `cannot read entry ${JSON.stringify(item.path)} (${errorText(error)})`)
  }
  yield* guardEntry(stream, guarded, label, limits)
}
