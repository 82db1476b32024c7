/**
 * An ImportInput over in-memory tables, for engine tests that are about staging and publishing, not
 * about reading files (the file readers have their own tests on real files).
 */
import { createHash } from 'node:crypto'
import type { ImportInput, InputRow } from '../../server/modules/importers/import-types.js'

export function memoryInput(files: Record<string, Record<string, string>[]>): ImportInput {
  return {
    path: 'memory',
    names: () => Object.keys(files),
    has: (name) => name in files,
    async *rows(name): AsyncIterable<InputRow> {
      for (const [i, values] of (files[name] ?? []).entries()) yield { file: name, line: i + 2, values }
    },
    async hash(names) {
      const hash = createHash('sha256')
      for (const name of names) hash.update(name).update(JSON.stringify(files[name] ?? null))
      return hash.digest('hex')
    },
    async close() {},
  }
}
