/**
 * The backup file: a short header, a JSON manifest, then the engine's own payload (a SQLite database
 * file or a pg_dump custom-format archive).
 *
 *   PATHWAYS-BACKUP\n  · 4-byte big-endian manifest length · manifest (UTF-8 JSON) · payload
 */
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Checksums } from './checksums.js'
import { BackupInputError } from './errors.js'
import { knownMigrations } from './tables.js'

const MAGIC = Buffer.from('PATHWAYS-BACKUP\n')
export const FORMAT_VERSION = 1

export interface Manifest {
  format: number
  kind: 'sqlite' | 'postgres'
  /** PostgreSQL: the schema the dump holds. */
  schema?: string
  migrations: string[]
  createdAt: string
  payloadBytes: number
  tables: Checksums
}

/** Writes header, manifest and payload to `file` (through a temporary name, renamed when complete). */
export async function writeArchive(file: string, manifest: Omit<Manifest, 'payloadBytes' | 'format'>, payloadFile: string): Promise<Manifest> {
  const full: Manifest = { format: FORMAT_VERSION, ...manifest, payloadBytes: fs.statSync(payloadFile).size }
  const json = Buffer.from(JSON.stringify(full))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  const partial = `${file}.partial`
  fs.writeFileSync(partial, Buffer.concat([MAGIC, length, json]))
  await pipeline(fs.createReadStream(payloadFile), fs.createWriteStream(partial, { flags: 'a' }))
  fs.renameSync(partial, file)
  return full
}

/** Reads and checks the manifest; BackupInputError (exit 2) when the file is missing, foreign or cut short. */
export function readManifest(file: string): { manifest: Manifest; payloadOffset: number } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupInputError(`${file}: no such backup file`)
  const size = fs.statSync(file).size
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(MAGIC.length + 4)
    fs.readSync(fd, head, 0, head.length, 0)
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupInputError(`${file}: not a Pathways backup (the header is missing)`)
    const length = head.readUInt32BE(MAGIC.length)
    if (length > 64 * 1024 * 1024 || MAGIC.length + 4 + length > size) throw new BackupInputError(`${file}: corrupt backup (the manifest is cut short)`)
    const json = Buffer.alloc(length)
    fs.readSync(fd, json, 0, length, head.length)
    let manifest: Manifest
    try {
      manifest = JSON.parse(json.toString('utf8')) as Manifest
    } catch {
      throw new BackupInputError(`${file}: corrupt backup (the manifest is not valid JSON)`)
    }
    if (manifest.format !== FORMAT_VERSION) throw new BackupInputError(`${file}: backup format ${String(manifest.format)} is not supported (this version reads ${FORMAT_VERSION})`)
    if (manifest.kind !== 'sqlite' && manifest.kind !== 'postgres') throw new BackupInputError(`${file}: corrupt backup (unknown database kind)`)
    if (typeof manifest.tables !== 'object' || manifest.tables === null || !Array.isArray(manifest.migrations)) throw new BackupInputError(`${file}: corrupt backup (the manifest lacks its checksums)`)
    if (!manifest.migrations.every((m) => typeof m === 'string')) throw new BackupInputError(`${file}: corrupt backup (the migration list is not a list of names)`)
    const payloadOffset = head.length + length
    if (size - payloadOffset !== manifest.payloadBytes) {
      throw new BackupInputError(`${file}: corrupt backup (payload is ${size - payloadOffset} bytes, the manifest says ${manifest.payloadBytes}: truncated or appended to)`)
    }
    return { manifest, payloadOffset }
  } finally {
    fs.closeSync(fd)
  }
}

/** Refuses a backup made by a newer Pathways (migrations this version does not have). */
export async function assertKnownMigrations(file: string, manifest: Manifest): Promise<void> {
  const known = new Set(await knownMigrations())
  const unknown = manifest.migrations.filter((m) => !known.has(m))
  if (unknown.length > 0) throw new BackupInputError(`${file} was made by a newer Pathways (migrations ${unknown.join(', ')} are unknown here); upgrade first`)
}

/** Copies the payload out to `target`. */
export async function extractPayload(file: string, payloadOffset: number, target: string): Promise<void> {
  await pipeline(fs.createReadStream(file, { start: payloadOffset }), fs.createWriteStream(target))
}
