/**
 * Enforces the size limits on the bytes an entry actually produces, not on what its header claims:
 * a lying header cannot smuggle a bomb past the declared-size check (SECURITY.md F1).
 */
import { ImportInputError } from '../import-types.js'
import type { InputLimits } from './input-limits.js'
import { sizeRejection } from './zip-entry-rules.js'

export interface GuardedEntry {
  /** Path inside the zip, for messages. */
  path: string
  compressedSize: number
  uncompressedSize: number
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Passes the chunks through while counting them. Because every entry stays within its declared size and
 * the declared sizes were summed against `maxTotalBytes` when the zip was opened, the total limit holds too.
 */
export async function* guardEntry(
  source: AsyncIterable<Buffer>,
  entry: GuardedEntry,
  label: string,
  limits: InputLimits,
): AsyncGenerator<Buffer> {
  const refuse = (problem: string) =>
    new ImportInputError(label, `refused entry ${JSON.stringify(entry.path)}: ${problem}`)
  let produced = 0
  try {
    for await (const chunk of source) {
      produced += chunk.length
      if (produced > entry.uncompressedSize) {
        throw refuse(`it expands beyond the ${entry.uncompressedSize} bytes its header declares`)
      }
      const problem = sizeRejection(produced, entry.compressedSize, limits)
      if (problem) throw refuse(problem)
      yield chunk
    }
  } catch (error) {
    if (error instanceof ImportInputError) throw error
    throw refuse(`it is corrupt or its header misstates its size (${errorText(error)})`)
  }
  if (produced < entry.uncompressedSize) throw refuse('it is shorter than its header declares')
}
