/**
 * /operator/outbox: the mail an instance without SMTP has "sent" (identity's outbox), newest first,
 * twenty to a page, so an operator can pass a confirmation or reset link on. Platform admins with a
 * session only (policy `operator.outbox.read`); everyone else gets the 403 page, API keys too.
 */
import type { FastifyPluginAsync } from 'fastify'
import { OUTBOX_PAGE_SIZE, readOutbox, type OutboxMessage } from '../../server/modules/identity/index.js'
import { When } from './display.js'
import { sendErrorPage, sendPage, type AccountPagesOptions } from './page-kit.js'

const LINK = /(https?:\/\/[^\s<>"]+)/g

/** The body as text, its web addresses as links (React escapes the rest). */
function BodyText({ body }: { body: string }) {
  const parts = body.split(LINK)
  return (
    <pre className="mail-body">
      {parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
    </pre>
  )
}

function OutboxView({ messages, page, pages, total }: { messages: readonly OutboxMessage[]; page: number; pages: number; total: number }) {
  return (
    <>
      <h1>Outbox</h1>
      <p>
        Mail this instance has written instead of sending ({total} in all), newest first. Pass a link on only to the person the message
        is addressed to: it signs them in to their account or confirms their address.
      </p>
      {messages.length === 0 ? <p>No mail.</p> : (
        <ol className="item-cards">
          {messages.map((m) => (
            <li key={m.id} className="item-card">
              <h2 className="item-card-title">{m.subject}</h2>
              <p className="item-meta">To {m.to}, <When iso={m.createdAt} /></p>
              <BodyText body={m.body} />
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label="Outbox pages" className="pagination">
          <ul>
            {page > 1 ? <li><a href={`/operator/outbox?page=${page - 1}`}>Newer mail</a></li> : null}
            <li><span>Page {page} of {pages}</span></li>
            {page < pages ? <li><a href={`/operator/outbox?page=${page + 1}`}>Older mail</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}

export const outboxPages: FastifyPluginAsync<AccountPagesOptions> = async (app, options) => {
  app.get<{ Querystring: { page?: string } }>('/operator/outbox', { schema: { hide: true }, config: { operation: 'operator.outbox.read' } }, async (req, reply) => {
    const raw = req.query.page ?? '1'
    const page = /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 0
    if (page === 0) return sendErrorPage(req, reply, options, 404)
    const { messages, total } = await readOutbox(options.db, page)
    const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))
    if (page > pages) return sendErrorPage(req, reply, options, 404)
    return sendPage(req, reply, options, { title: 'Outbox', body: <OutboxView messages={messages} page={page} pages={pages} total={total} /> })
  })
}
