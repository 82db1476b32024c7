/**
 * Passwords: the policy (ASVS 6.2) and argon2id hashing (ASVS 11.4.2) behind a concurrency limit.
 *
 * Normalisation: a password is normalised to Unicode NFC before it is measured, checked and hashed,
 * so the same password typed on systems that produce NFD (macOS file dialogs, some keyboards) or NFC
 * matches. NFC, not NFKC: compatibility folding would merge characters people may have chosen on
 * purpose (full-width letters, ligatures) and lower entropy; canonical equivalents look identical and
 * must not lock anyone out. Length is counted in Unicode code points after NFC, so "é" is one
 * character whether it arrived as one code point or as e + combining accent, and an emoji is one.
 *
 * Policy: 8 to 1024 code points, no composition rules, no truncation (argon2 takes the whole UTF-8
 * string), and not a common password: the 49,000-entry list of @zxcvbn-ts/language-common, compared
 * case-insensitively, plus the person's own address, its local part and their display name.
 */
import { availableParallelism } from 'node:os'
import argon2 from 'argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { ARGON2_FLOOR } from '../../config.js'
import { createSemaphore, type Semaphore } from './semaphore.js'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 1024

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.normalize('NFC').toLowerCase()))

export type PasswordProblem = 'too_short' | 'too_long' | 'common'

export const normalisePassword = (password: string): string => password.normalize('NFC')

/** Length in code points after NFC. */
export const passwordLength = (password: string): number => [...normalisePassword(password)].length

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): PasswordProblem | undefined {
  const length = passwordLength(password)
  if (length < PASSWORD_MIN_LENGTH) return 'too_short'
  if (length > PASSWORD_MAX_LENGTH) return 'too_long'
  const folded = normalisePassword(password).toLowerCase()
  if (COMMON_PASSWORDS.has(folded)) return 'common'
  const email = context.email?.toLowerCase()
  const own = [email, email?.split('@')[0], context.displayName?.normalize('NFC').toLowerCase()]
  if (own.some((word) => word !== undefined && word.length > 0 && folded === word)) return 'common'
  return undefined
}

export interface Argon2Params {
  memoryCost: number
  timeCost: number
  parallelism: number
}

export interface PhcParams extends Argon2Params {
  type: string
  version: number
}

/** Reads the algorithm and parameters of a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash, any order). */
export function parsePhc(hash: string): PhcParams | undefined {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$([a-z]=\d+(?:,[a-z]=\d+)*)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash)
  if (!match) return undefined
  const [, type = '', version, list = ''] = match
  const params = new Map(list.split(',').map((pair) => [pair.slice(0, 1), Number(pair.slice(2))] as const))
  const [m, t, p] = [params.get('m'), params.get('t'), params.get('p')]
  if (m === undefined || t === undefined || p === undefined) return undefined
  return { type, version: Number(version), memoryCost: m, timeCost: t, parallelism: p }
}

export interface PasswordHasher {
  hash(password: string): Promise<string>
  /** True when the password matches; false for a mismatch or an unreadable hash. */
  verify(hash: string, password: string): Promise<boolean>
  /** Same cost as verify, for unknown accounts, so they answer in the same time as wrong passwords. */
  dummyVerify(password: string): Promise<false>
  /** True when the stored hash is weaker than the configured parameters (or not argon2id). */
  needsRehash(hash: string): boolean
  readonly params: Argon2Params
}

export interface HasherOptions {
  params?: Argon2Params
  /** Hashes running at once; default the number of cores. */
  concurrency?: number
  /** Callers allowed to wait for a slot before 503; default 32 per slot. */
  maxWaiting?: number
}

export function createPasswordHasher(options: HasherOptions = {}): PasswordHasher {
  const params = options.params ?? ARGON2_FLOOR
  if (params.memoryCost < ARGON2_FLOOR.memoryCost || params.timeCost < ARGON2_FLOOR.timeCost || params.parallelism < 1) {
    throw new Error('argon2 parameters below the OWASP floor (m=19456 KiB, t=2, p=1)')
  }
  const slots = options.concurrency ?? Math.max(1, availableParallelism())
  const limit: Semaphore = createSemaphore(slots, options.maxWaiting ?? slots * 32)
  const hashNow = (password: string) => argon2.hash(normalisePassword(password), { type: argon2.argon2id, ...params })
  // Made once, up front, so the first unknown-account sign-in costs what later ones do.
  const dummy = hashNow('pathways: a dummy password for accounts that do not exist')
  dummy.catch(() => undefined)
  const hasher: PasswordHasher = {
    params,
    hash: (password) => limit.run(() => hashNow(password)),
    async verify(hash, password) {
      if (!parsePhc(hash)) return false
      return limit.run(async () => {
        try {
          return await argon2.verify(hash, normalisePassword(password))
        } catch {
          return false
        }
      })
    },
    async dummyVerify(password) {
      await hasher.verify(await dummy, password)
      return false
    },
    needsRehash(hash) {
      const stored = parsePhc(hash)
      if (!stored || stored.type !== 'argon2id' || stored.version !== 19) return true
      return stored.memoryCost < params.memoryCost || stored.timeCost < params.timeCost || stored.parallelism < params.parallelism
    },
  }
  return hasher
}
