/**
 * A curated career's pathway steps, each marked done or not by the learner: GET lists them by
 * section with a button per step; the button POSTs the new state (done or not) and comes back to
 * the step. Progress counts them (/passport/progress).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { requireUser } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text } from '../forms/form-body.js'
import { CsrfField } from '../ui/form.js'
import { PassportNav } from './passport-nav.js'
import { formPost, learnerOf, readPage, type PassportPagesOptions } from './passport-kit.js'

type CareerParam = { Params: { career: string } }
type StepParams = { Params: { career: string; section: string; position: string } }

const noPathway = (slug: string) => new AppError('pathway.not_found', 404, `No career ${JSON.stringify(slug)} with pathway steps.`)

/** "getting-started" or "gettingStarted" → "Getting started". */
export const sectionTitle = (section: string): string => {
  const words = section.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const stepAnchor = (section: string, position: number) => `step-${section}-${position}`.replace(/[^A-Za-z0-9-]/g, '-')

interface StepRow { section: string; position: number; title: string; done: boolean }

function PathwayView({ title, slug, steps, csrf }: { title: string; slug: string; steps: readonly StepRow[]; csrf: string | undefined }) {
  const sections = [...new Set(steps.map((s) => s.section))]
  const done = steps.filter((s) => s.done).length
  return (
    <>
      <h1>Pathway steps: {title}</h1>
      <PassportNav current="/passport/progress" />
      <p>{done} of {steps.length} steps done. Marking a step counts it in <a href="/passport/progress">your progress</a>; you can undo it.</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`${stepAnchor(section, 0)}-heading`}>
          <h2 id={`${stepAnchor(section, 0)}-heading`}>{sectionTitle(section)}</h2>
          <ol className="item-cards">
            {steps.filter((s) => s.section === section).map((s) => (
              <li key={s.position} id={stepAnchor(s.section, s.position)} className="item-card">
                <p><strong>{s.title}</strong>{s.done ? <> <span className="badge">done</span></> : null}</p>
                <form method="post" action={`/passport/pathways/${encodeURIComponent(slug)}/steps/${encodeURIComponent(s.section)}/${s.position}`} className="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="done" value={s.done ? '0' : '1'} />
                  <button type="submit">{s.done ? `Undo “${s.title}”` : `Mark “${s.title}” done`}</button>
                </form>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  )
}

export const pathwayPages: FastifyPluginAsync<PassportPagesOptions> = async (app, options) => {
  const { passport, plans } = options.learner
  const csrf = (req: FastifyRequest) => csrfOf(req, options.identity)

  app.get<CareerParam>('/passport/pathways/:career', readPage, async (req, reply) => {
    const userId = await learnerOf(req, passport, 'passport.progress')
    const view = passport.view()
    const slug = view.careerSlug(req.params.career)
    const steps = slug === undefined ? [] : view.steps(slug)
    if (slug === undefined || steps.length === 0) throw noPathway(req.params.career)
    const progress = await plans.progress(userId)
    const doneHere = new Set((progress.pathways.find((p) => p.career.slug === slug)?.done ?? []).map((d) => `${d.section}/${d.position}`))
    const rows = steps.map((s) => ({ ...s, done: doneHere.has(`${s.section}/${s.position}`) }))
    const title = view.careerRef(slug)?.title ?? slug
    return sendPage(req, reply, options, { title: `Pathway steps: ${title}`, body: <PathwayView title={title} slug={slug} steps={rows} csrf={csrf(req)} /> })
  })

  app.post<StepParams>('/passport/pathways/:career/steps/:section/:position', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const position = Number(req.params.position)
    if (!Number.isInteger(position) || position < 0) throw noPathway(req.params.career)
    const done = text(formOf(req), 'done') !== '0'
    const step = await plans.markStep(userId, req.params.career, req.params.section, position, done)
    return seeOther(reply, `/passport/pathways/${encodeURIComponent(step.career)}#${stepAnchor(step.section, step.position)}`)
  })
}
