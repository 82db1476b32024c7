/**
 * Accepting an invitation link or join code with the guessing throttle (per person and per client
 * address): one rule for the API routes and the web pages.
 */
import { AppError } from '../../platform/http/errors.js'
import type { Identity } from '../identity/index.js'
import type { SchoolRole } from './policy.js'
import type { SchoolsService, SchoolView } from './schools.service.js'

export async function redeemThrottled(
  deps: { identity: Identity; schools: SchoolsService },
  input: { userId: string; ip: string; kind: 'link' | 'code'; secret: string },
): Promise<{ school: SchoolView; role: SchoolRole }> {
  const keys = [{ kind: 'account' as const, id: `join:${input.userId}` }, { kind: 'ip' as const, id: `join:${input.ip}` }]
  const wait = await deps.identity.throttle.retryAfterMs(keys)
  if (wait > 0) throw new AppError('auth.throttled', 429, 'Too many attempts; try again later.', { retryAfter: Math.ceil(wait / 1000) })
  try {
    return await deps.schools.redeem(input.userId, input.kind, input.secret)
  } catch (error) {
    await deps.identity.throttle.fail(keys)
    throw error
  }
}
