/**
 * Outgoing mail behind one interface. The embedded implementation writes each message to the
 * `mail_outbox` table — where the operator reads links such as password resets — and logs one line
 * naming a pseudonym of the recipient and the subject; the body (with its link) never goes to the log.
 */
import { randomUUID } from 'node:crypto'
import { iso, type Clock } from './clock.js'
import type { IdentityRepository } from './identity.repository.js'

export interface MailMessage {
  to: string
  subject: string
  body: string
}

export interface Mailer {
  send(message: MailMessage): Promise<void>
}

export function createOutboxMailer(deps: {
  repo: IdentityRepository
  clock: Clock
  log: { info(fields: object, message: string): void }
  pseudonym: (email: string) => string
}): Mailer {
  return {
    async send(message) {
      await deps.repo.insertMail({ id: randomUUID(), to_address: message.to, subject: message.subject, body: message.body, created_at: iso(deps.clock.now()) })
      deps.log.info({ event: 'mail.queued', to: deps.pseudonym(message.to), subject: message.subject }, 'mail queued to the outbox')
    },
  }
}
