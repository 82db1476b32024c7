import { describe, expect, it } from 'vitest'
import { DEFAULT_NEXT, safeNext } from './next-path.js'

describe('safeNext', () => {
  it.each([
    ['/schools', '/schools'],
    ['/schools/abc/members?limit=5', '/schools/abc/members?limit=5'],
    ['/invitations/accept?token=abc', '/invitations/accept?token=abc'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected)
  })

  it.each([
    undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)',
    'evil.example', '/\t/evil.example', ' /account', '/sign-in?next=/x', '/sign-out', `/${'a'.repeat(3000)}`,
  ])('refuses %j and answers the account page', (input) => {
    expect(safeNext(input)).toBe(DEFAULT_NEXT)
  })

  it('normalises dot segments without leaving the site', () => {
    expect(safeNext('/a/../../b')).toBe('/b')
  })
})
