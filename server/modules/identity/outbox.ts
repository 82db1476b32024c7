/**
 * Reading the mail outbox (mailer.ts writes it): on an instance without SMTP the operator reads the
 * messages here — verification and reset links included — and passes them on. Newest first, a page
 * at a time; the page is for platform admins only (policy `operator.outbox.read`).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/types.js'

export interface OutboxMessage {
  id: string
  to: string
  subject: string
  body: string
  createdAt: string
}

export interface OutboxPage {
  messages: OutboxMessage[]
  /** Every message in the outbox, for the page count. */
  total: number
}

export const OUTBOX_PAGE_SIZE = 20

/** Page `page` (1-based) of the outbox, newest first; a page past the end has no messages. */
export async function readOutbox(db: Kysely<Database>, page: number, pageSize = OUTBOX_PAGE_SIZE): Promise<OutboxPage> {
  const [rows, count] = await Promise.all([
    db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
  ])
  return {
    messages: rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at })),
    total: Number(count?.n ?? 0),
  }
}
