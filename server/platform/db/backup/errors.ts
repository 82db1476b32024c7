/** The two ways a backup command fails: the operator's input is wrong (exit 2), or the work failed (exit 1). */

/** Missing or corrupt backup file, a backup of the wrong kind, a bad URL: exit code 2. */
export class BackupInputError extends Error {
  override readonly name = 'BackupInputError'
}

/** The database refused, a checksum differs, a tool is missing: exit code 1. The message says what state was left. */
export class BackupFailure extends Error {
  override readonly name = 'BackupFailure'
}
