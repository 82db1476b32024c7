/**
 * The server key (SECRET_KEY) for CSRF tokens and log pseudonyms. In production it must be set
 * (start-up stops otherwise). Elsewhere, when it is not set, one is generated once into
 * DATA_DIR/secret-key with mode 0600 and read back on later starts, so sessions' CSRF tokens survive
 * restarts. Several instances sharing a database must share one SECRET_KEY.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { assertSecretKey, ConfigError, type Config } from '../../config.js'

export const SECRET_KEY_FILE = 'secret-key'

export function resolveSecretKey(config: Pick<Config, 'auth' | 'dataDir' | 'production'>): string {
  if (config.auth.secretKey !== undefined) return config.auth.secretKey
  if (config.production) {
    throw new ConfigError('SECRET_KEY', 'is required in production: set at least 32 random bytes (for example `openssl rand -base64 48`)')
  }
  const file = path.join(config.dataDir, SECRET_KEY_FILE)
  fs.mkdirSync(config.dataDir, { recursive: true })
  try {
    const fd = fs.openSync(file, 'wx', 0o600) // fails if it exists: never overwrite a key
    fs.writeSync(fd, randomBytes(48).toString('base64url'))
    fs.closeSync(fd)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  fs.chmodSync(file, 0o600)
  const key = fs.readFileSync(file, 'utf8').trim()
  try {
    assertSecretKey(key)
  } catch {
    throw new ConfigError('SECRET_KEY', `the key in ${file} is not usable; delete the file to have a new one generated`)
  }
  return key
}
