/**
 * Where the real datasets live: `../shared/data` beside the repository (CI places shared/ there).
 * Tests that read them skip, naming this folder, when it is absent.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data')
