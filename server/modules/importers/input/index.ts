/** Input layer of the importers: a folder, a zip or a single file, read as an ImportInput. */
export { openInput } from './open-input.js'
export { defaultInputLimits, type InputLimits } from './input-limits.js'
