import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseRole } from './config.js'

describe('loadConfig', () => {
  it('defaults to port 3000 and an embedded database under ./data', () => {
    const config = loadConfig({}, '/srv/pathways')
    expect(config.port).toBe(3000)
    expect(config.database).toEqual({ kind: 'sqlite', file: '/srv/pathways/data/pathways.sqlite' })
    expect(config.catalogDir).toBe('/srv/pathways/catalog')
  })

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' })
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'postgres://'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with a message naming %s when it is %j', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid ${variable}:`))
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000)
  })
})

describe('parseRole', () => {
  it('reads --role=X and --role X, defaulting to all', () => {
    expect(parseRole([])).toBe('all')
    expect(parseRole(['--role=migrate'])).toBe('migrate')
    expect(parseRole(['--role', 'api'])).toBe('api')
  })
  it('rejects an unknown role naming the flag', () => {
    expect(() => parseRole(['--role=boss'])).toThrow(/Invalid --role/)
  })
})
