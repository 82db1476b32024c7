/**
 * First run without default accounts (ASVS 6.3.2, SECURITY.md A5): `pathways setup` prints a one-time
 * token (60 minutes, stored hashed) unless a platform administrator exists; POST /api/v1/auth/setup
 * spends it to create the first administrator (accounts.service.ts).
 */
import type { Db } from '../../platform/db/client.js'
import { systemClock, type Clock } from './clock.js'
import { createIdentityRepository } from './identity.repository.js'
import { createTokenService } from './tokens.js'

/** A new setup token (spending any earlier one), or undefined when an administrator exists. */
export async function issueSetupToken(db: Db, clock: Clock = systemClock): Promise<string | undefined> {
  const repo = createIdentityRepository(db.kysely)
  if (await repo.anyPlatformAdmin()) return undefined
  const tokens = createTokenService({ repo, clock })
  await tokens.spendAll('setup', null)
  return tokens.issue('setup', null)
}
