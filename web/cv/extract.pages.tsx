/**
 * GET /passport/extract: paste a CV or a job ad. POST /passport/extract: the skills found, each
 * mention marked in the (escaped) text with why it matched, and a checkbox per skill to add the
 * ticked ones at a chosen level. POST /passport/extract/add: adds them (passport.setSkill) and goes
 * back to the passport (303); with none ticked, the results again with the error. "Use as target"
 * (the same post, action=target) also shows the career the text is closest to and the learner's gap.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ExtractAnswer } from '../../server/modules/extraction/extraction.schema.js'
import { requireUser } from '../../server/modules/identity/index.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text, values } from '../forms/form-body.js'
import { formPost, readPage, type CvPagesOptions } from './cv-kit.js'
import { ExtractView, MAX_TEXT, type TargetGap } from './extract-view.js'

export const extractPages: FastifyPluginAsync<CvPagesOptions> = async (app, options) => {
  /** The career the text is closest to (its skills as a passport at level 3) and the learner's gap to it. */
  async function asTarget(userId: string, found: ExtractAnswer): Promise<TargetGap | undefined> {
    if (found.skills.length === 0) return undefined
    const { analysis, passport } = options.learner
    const closest = analysis.matches({ skills: found.skills.map((s) => ({ skill: s.skill.id, level: 3 })) }, { limit: 1 }).items[0]
    if (!closest) return undefined
    const stored = await passport.read(userId)
    const gap = analysis.gap({ skills: stored.skills.map((s) => ({ skill: s.skill, level: s.level })) }, closest.career.slug)
    return { career: closest.career, coverage: gap.coverage, missing: gap.gaps.slice(0, 8).map((g) => g.name), isTarget: stored.targets.some((t) => t.slug === closest.career.slug) }
  }

  async function page(req: FastifyRequest, reply: FastifyReply, pasted: string, errors: Record<string, string> = {}, status = 200, target = false) {
    const userId = requireUser(req.actor).userId
    const found: ExtractAnswer | undefined = pasted.trim() && !errors.text ? options.extraction.extract({ text: pasted, limit: 40 }) : undefined
    const gap = target && found ? await asTarget(userId, found) : undefined
    return sendPage(req, reply, options, { title: 'Find skills in a text', status, body: <ExtractView text={pasted} found={found} errors={errors} csrf={csrfOf(req, options.identity)} target={gap} /> })
  }

  app.get('/passport/extract', readPage, async (req, reply) => page(req, reply, ''))

  app.post('/passport/extract', formPost, async (req, reply) => {
    const pasted = text(formOf(req), 'text')
    if (pasted.trim() === '') return page(req, reply, '', { text: 'Paste a CV or a job ad first.' }, 400)
    if (pasted.length > MAX_TEXT) return page(req, reply, pasted.slice(0, MAX_TEXT), { text: `Paste at most ${MAX_TEXT.toLocaleString('en')} characters.` }, 400)
    return page(req, reply, pasted, {}, 200, text(formOf(req), 'action') === 'target')
  })

  app.post('/passport/extract/add', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const pasted = text(form, 'text').slice(0, MAX_TEXT)
    const level = Number(text(form, 'level'))
    const ticked = [...new Set(values(form, 'skill'))]
    if (!Number.isInteger(level) || level < 0 || level > 5) return page(req, reply, pasted, { level: 'Choose your level.' }, 400)
    if (ticked.length === 0) return page(req, reply, pasted, { skill: 'Tick at least one skill to add.' }, 400)
    for (const skill of ticked) await options.learner.passport.setSkill(userId, { skill, level, source: 'self' })
    return seeOther(reply, '/passport?done=skill-added#skills')
  })
}
