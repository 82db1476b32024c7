/**
 * Pure checks on a zip entry's central-directory record, run before any byte of it is read.
 * yauzl already refuses absolute paths, drive letters and `..` segments (after turning `\` into `/`);
 * these rules repeat that as defence in depth and add what yauzl allows: NUL, symlinks, nested archives,
 * encryption and the size limits as declared. Declared sizes are re-checked while streaming.
 */
import type { InputLimits } from './input-limits.js'

/** What the rules need from an entry; a subset of yauzl's Entry so tests can build one by hand. */
export interface EntryRecord {
  fileName: string
  compressedSize: number
  uncompressedSize: number
  externalFileAttributes: number
  generalPurposeBitFlag: number
}

const NESTED_ARCHIVE = /\.(zip|gz|tgz|tar|7z|rar|jar|bz2|xz|zst)$/i
const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/** Base name of a slash-separated entry path: entries may sit in a folder inside the zip. */
export function entryBaseName(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('/') + 1)
}

export function isDirectoryEntry(fileName: string): boolean {
  return fileName.endsWith('/')
}

/** Why the entry's name is unsafe, or undefined when it is fine. */
export function unsafeNameReason(fileName: string): string | undefined {
  if (fileName.includes('\0')) return 'its name contains a NUL character'
  if (fileName.includes('\\')) return 'its name contains a backslash'
  if (fileName.startsWith('/') || /^[a-zA-Z]:/.test(fileName)) return 'its name is an absolute path'
  if (fileName.split('/').includes('..')) return 'its name climbs out of the archive with ".."'
  return undefined
}

/** Unix hosts keep the file mode in the high 16 bits; other hosts leave them 0, which is not a link. */
export function isSymlink(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK
}

export function isNestedArchive(fileName: string): boolean {
  return NESTED_ARCHIVE.test(fileName)
}

/** Why the entry must be refused, or undefined. Checks the name, type and declared sizes. */
export function entryRejection(entry: EntryRecord, limits: InputLimits): string | undefined {
  const nameProblem = unsafeNameReason(entry.fileName)
  if (nameProblem) return nameProblem
  if (isSymlink(entry.externalFileAttributes)) return 'it is a symbolic link'
  if (isDirectoryEntry(entry.fileName)) return undefined
  if (isNestedArchive(entry.fileName)) return 'it is an archive inside the archive (nested archives are not read)'
  if ((entry.generalPurposeBitFlag & 1) !== 0) return 'it is encrypted'
  return sizeRejection(entry.uncompressedSize, entry.compressedSize, limits)
}

/** Shared by the declared-size check and the streaming guard, so both apply the same rule. */
export function sizeRejection(uncompressed: number, compressed: number, limits: InputLimits): string | undefined {
  if (uncompressed > limits.maxEntryBytes) {
    return `it expands to more than ${limits.maxEntryBytes} bytes (per-entry limit)`
  }
  if (uncompressed > limits.ratioFloorBytes && uncompressed > Math.max(compressed, 1) * limits.maxRatio) {
    return `its compression ratio exceeds ${limits.maxRatio}:1 (zip bomb?)`
  }
  return undefined
}
