import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.js'
import { resolveSecretKey, SECRET_KEY_FILE } from '../../server/modules/identity/index.js'
import { ROOT } from '../support/test-app.js'

const temps: string[] = []
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-auth-config-'))
  temps.push(dir)
  return dir
}
const GOOD_KEY = 'k7Jd9-Qx2mPz8Lw4Rt6Vb1Nc3Hf5Gs0Ya2Ue4Io6'

describe('identity settings', () => {
  it('defaults to 30 idle minutes, 12 hours absolute and argon2id at the OWASP floor', () => {
    const { auth } = loadConfig({})
    expect(auth.sessionIdleMs).toBe(30 * 60_000)
    expect(auth.sessionAbsoluteMs).toBe(12 * 3_600_000)
    expect(auth.argon2).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 })
    expect(auth.publicOrigin).toBeUndefined()
    expect(auth.secretKey).toBeUndefined()
  })

  it('reads raised argon2 parameters, timeouts and the public origin', () => {
    const { auth } = loadConfig({ ARGON2_MEMORY_KIB: '65536', ARGON2_TIME_COST: '3', SESSION_IDLE_MINUTES: '15', SESSION_ABSOLUTE_HOURS: '8', PUBLIC_ORIGIN: 'https://pathways.example.org/', SECRET_KEY: GOOD_KEY })
    expect(auth.argon2).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 1 })
    expect(auth.sessionIdleMs).toBe(15 * 60_000)
    expect(auth.sessionAbsoluteMs).toBe(8 * 3_600_000)
    expect(auth.publicOrigin).toBe('https://pathways.example.org')
    expect(auth.secretKey).toBe(GOOD_KEY)
  })

  it.each([
    ['ARGON2_MEMORY_KIB', '4096'],
    ['ARGON2_TIME_COST', '1'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', 'forever'],
    ['PUBLIC_ORIGIN', 'https://pathways.example.org/app'],
    ['PUBLIC_ORIGIN', 'ftp://pathways.example.org'],
    ['SECRET_KEY', 'too-short'],
    ['SECRET_KEY', 'a'.repeat(64)],
  ])('stops with a message naming %s when it is %j, never echoing a secret', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid ${variable}:`))
    if (variable === 'SECRET_KEY') expect(() => loadConfig({ [variable]: value })).not.toThrow(value)
  })

  it('refuses an absolute timeout shorter than the idle one', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '120', SESSION_ABSOLUTE_HOURS: '1' })).toThrow(/SESSION_ABSOLUTE_HOURS/)
  })
})

describe('the server key', () => {
  it('is required in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })
    expect(() => resolveSecretKey(config)).toThrow(/Invalid SECRET_KEY: is required in production/)
    expect(resolveSecretKey(loadConfig({ NODE_ENV: 'production', SECRET_KEY: GOOD_KEY }))).toBe(GOOD_KEY)
  })

  it('is generated once into DATA_DIR with mode 0600 elsewhere, and read back afterwards', () => {
    const dir = tempDir()
    const config = loadConfig({ DATA_DIR: dir })
    const first = resolveSecretKey(config)
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32)
    const file = path.join(dir, SECRET_KEY_FILE)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(resolveSecretKey(config)).toBe(first)
  })

  it('stops start-up in production without SECRET_KEY (exit 1, naming the variable)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT, env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: tempDir(), LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Invalid SECRET_KEY')
  })
})
