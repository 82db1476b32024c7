/**
 * Parental consent for children under 13 (COPPA; SECURITY.md Z6).
 *
 * Sign-up may give a birth date. When it makes the person younger than 13 on the day, a parent's
 * address is required; the account is created with consent *pending* and the parent is mailed a
 * link (a 256-bit single-use token, stored hashed, valid 7 days) to give or refuse consent. While
 * consent is pending, the policy layer refuses the operations that build a profile, export it or
 * share it (rules marked `consent` in policy.ts: data export, API keys, joining a school). A refusal
 * deletes the child's account (the caller does that, through the account-deletion code). The birth
 * date itself is never stored.
 */
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/http/errors.js'
import type { Database, ParentalConsentsTable } from '../../platform/db/types.js'
import { iso, type Clock } from './clock.js'
import { isPlausibleEmail, normaliseEmail } from './email.js'
import type { Mailer } from './mailer.js'
import { isSecretShaped, randomSecret, sha256 } from './secrets.js'

export const CONSENT_AGE = 13
export const CONSENT_LINK_LIFETIME_MS = 7 * 24 * 3_600_000
export const CONSENT_MAIL_SUBJECT = 'A child asked to use Pathways: your consent is needed'
/** Consent mails per child and day (resend requests beyond it answer the same and send nothing). */
const CONSENT_MAILS_PER_DAY = 3

export type ConsentState = 'not_required' | 'pending' | 'granted'

const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whole years between a YYYY-MM-DD birth date and the UTC day of `now`; undefined for an impossible date. */
export function ageOn(birthDate: string, now: number): number | undefined {
  const match = BIRTH_DATE.exec(birthDate)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  const today = new Date(now)
  if (date.getTime() > now || year < 1900) return undefined
  let age = today.getUTCFullYear() - year
  if (today.getUTCMonth() < month - 1 || (today.getUTCMonth() === month - 1 && today.getUTCDate() < day)) age -= 1
  return age
}

const fieldError = (code: string, field: string, message: string) =>
  new AppError(code, 400, message, { errors: [{ pointer: `/body/${field}`, message }] })

/**
 * Checks the sign-up's age fields. Returns the parent's normalised address when consent is needed,
 * undefined when it is not; throws 400 for an impossible birth date or a missing or unusable parent
 * address.
 */
export function consentNeeded(input: { birthDate?: string; parentEmail?: string }, childEmail: string, now: number): string | undefined {
  if (input.birthDate === undefined) return undefined
  const age = ageOn(input.birthDate, now)
  if (age === undefined) throw fieldError('request.invalid', 'birthDate', 'The birth date must be a real date in the past, written YYYY-MM-DD.')
  if (age >= CONSENT_AGE) return undefined
  if (input.parentEmail === undefined) {
    throw fieldError('consent.parent_email_required', 'parentEmail', `Under ${CONSENT_AGE}, a parent or guardian must agree: give their email address.`)
  }
  const parent = normaliseEmail(input.parentEmail)
  if (!isPlausibleEmail(parent)) throw fieldError('request.invalid', 'parentEmail', 'That is not an email address.')
  if (parent === childEmail) throw fieldError('consent.parent_email_required', 'parentEmail', 'The parent or guardian needs an address of their own.')
  return parent
}

export const consentPending = (): AppError =>
  new AppError('consent.pending', 403, 'A parent or guardian has not yet agreed to this account; this is available once they have.')

export function createConsentService(deps: { db: Kysely<Database>; clock: Clock; mailer: Mailer; linkOrigin: string }) {
  const { db, clock } = deps

  async function mailParent(row: Pick<ParentalConsentsTable, 'user_id' | 'parent_email'>, childName: string): Promise<void> {
    const token = randomSecret()
    const now = clock.now()
    await db.updateTable('parental_consents')
      .set({ token_hash: sha256(token), expires_at: iso(now + CONSENT_LINK_LIFETIME_MS) })
      .where('user_id', '=', row.user_id).where('status', '=', 'pending').execute()
    await deps.mailer.send({
      to: row.parent_email,
      subject: CONSENT_MAIL_SUBJECT,
      body: `${childName} gave this address as their parent's or guardian's when creating a Pathways account.\n\n`
        + 'Pathways is a career-planning service. For a child under 13 it keeps: the email address and name they gave, the skills, '
        + 'credentials and plans they record, and the schools they join. Until you agree, they can look at careers but cannot '
        + 'export their record, join a school or connect other applications.\n\n'
        + `To agree, or to refuse and have the account deleted, open this link within 7 days:\n\n${deps.linkOrigin}/parental-consent?token=${token}\n\n`
        + 'If you do not know this child, refuse: the account and everything in it will be deleted.\n',
    })
  }

  return {
    async state(userId: string): Promise<ConsentState> {
      const row = await db.selectFrom('parental_consents').select('status').where('user_id', '=', userId).executeTakeFirst()
      return row?.status ?? 'not_required'
    },

    /** Records a pending consent for a new child account and mails the parent. */
    async request(userId: string, parentEmail: string, childName: string): Promise<void> {
      const now = iso(clock.now())
      await db.insertInto('parental_consents')
        .values({ user_id: userId, parent_email: parentEmail, status: 'pending', token_hash: null, requested_at: now, expires_at: now, decided_at: null })
        .execute()
      await mailParent({ user_id: userId, parent_email: parentEmail }, childName)
    },

    /**
     * Mails the parent a fresh link (the old one stops working) while consent is pending, at most 3 a
     * day; true when a mail went out.
     */
    async resend(userId: string): Promise<boolean> {
      const row = await db.selectFrom('parental_consents').innerJoin('users', 'users.id', 'parental_consents.user_id')
        .select(['parental_consents.user_id', 'parental_consents.parent_email', 'parental_consents.status', 'users.display_name'])
        .where('parental_consents.user_id', '=', userId).executeTakeFirst()
      if (!row || row.status !== 'pending') return false
      const dayAgo = iso(clock.now() - 24 * 3_600_000)
      const sent = await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('to_address', '=', row.parent_email).where('subject', '=', CONSENT_MAIL_SUBJECT).where('created_at', '>', dayAgo).executeTakeFirst()
      if (Number(sent?.n ?? 0) >= CONSENT_MAILS_PER_DAY) return false
      await mailParent(row, row.display_name)
      return true
    },

    /** What the parent's page shows before they decide; undefined for an unknown, used or expired link. */
    async lookup(token: string): Promise<{ userId: string; childName: string; childEmail: string } | undefined> {
      if (!isSecretShaped(token)) return undefined
      const row = await db.selectFrom('parental_consents').innerJoin('users', 'users.id', 'parental_consents.user_id')
        .select(['parental_consents.user_id as userId', 'parental_consents.expires_at as expiresAt', 'users.display_name as childName', 'users.email as childEmail'])
        .where('parental_consents.token_hash', '=', sha256(token)).where('parental_consents.status', '=', 'pending').executeTakeFirst()
      if (!row || Date.parse(row.expiresAt) <= clock.now()) return undefined
      return { userId: row.userId, childName: row.childName, childEmail: row.childEmail }
    },

    /**
     * Spends the link. `grant` marks consent given; `refuse` returns the child's id for the caller
     * to delete the account. Undefined for an unknown, used or expired link.
     */
    async decide(token: string, decision: 'grant' | 'refuse'): Promise<{ userId: string } | undefined> {
      if (!isSecretShaped(token)) return undefined
      const now = clock.now()
      return db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('parental_consents').select(['user_id', 'expires_at'])
          .where('token_hash', '=', sha256(token)).where('status', '=', 'pending').executeTakeFirst()
        if (!row || Date.parse(row.expires_at) <= now) return undefined
        const spent = await tx.updateTable('parental_consents')
          .set({ token_hash: null, ...(decision === 'grant' ? { status: 'granted' as const, decided_at: iso(now) } : {}) })
          .where('user_id', '=', row.user_id).where('token_hash', '=', sha256(token)).executeTakeFirst()
        if (Number(spent.numUpdatedRows) !== 1) return undefined
        return { userId: row.user_id }
      })
    },
  }
}

export type ConsentService = ReturnType<typeof createConsentService>
