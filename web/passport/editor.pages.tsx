/**
 * The passport editor's routes: GET /passport and one small form post per change (add a skill, set
 * its level, add evidence, remove it; add or remove an earned credential; add or remove a target
 * career), each answering 303 back to the editor, or the editor again with the error beside its
 * field (400) when the input cannot be used. The services hold the rules; this picks the page.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { requireUser } from '../../server/modules/identity/index.js'
import { AppError } from '../../server/platform/http/errors.js'
import { csrfOf, seeOther, sendPage } from '../account/page-kit.js'
import { formOf, text, type FormFields } from '../forms/form-body.js'
import { fieldError, NO_ERRORS, type FormErrors } from '../forms/form-errors.js'
import { EditorView, type EditorProps, type PickerForm } from './editor-view.js'
import { formPost, learnerOf, lookUpName, pickedKey, queryValue, readPage, type PassportPagesOptions } from './passport-kit.js'
import type { PickerChoice } from './skill-picker.js'

type SkillParam = { Params: { skillId: string } }
type CredentialParam = { Params: { credentialId: string } }

const EMPTY: PickerForm = { values: {}, errors: NO_ERRORS }
const DATE = /^\d{4}-\d{2}-\d{2}$/

const pickerFields = (form: FormFields) => ({ id: text(form, 'id'), choice: text(form, 'choice'), name: text(form, 'name') })

function levelOf(form: FormFields): number | undefined {
  const level = Number(text(form, 'level'))
  return text(form, 'level') !== '' && Number.isInteger(level) && level >= 0 && level <= 5 ? level : undefined
}

const notFoundIn = (error: unknown): boolean => error instanceof AppError && (error.status === 404 || error.code === 'passport.unresolved')

export const editorPages: FastifyPluginAsync<PassportPagesOptions> = async (app, options) => {
  const { learner, search, picker } = options
  const { passport } = learner

  const editor = async (req: FastifyRequest, reply: FastifyReply, forms: Partial<EditorProps['forms']> = {}, status = 200) => {
    const userId = await learnerOf(req, passport, 'passport')
    const props: EditorProps = {
      passport: await passport.read(userId), csrf: csrfOf(req, options.identity), done: queryValue(req.query, 'done'), pickerScript: picker.href,
      forms: { skill: forms.skill ?? EMPTY, credential: forms.credential ?? EMPTY, target: forms.target ?? EMPTY, ...(forms.evidence ? { evidence: forms.evidence } : {}) },
    }
    return sendPage(req, reply, options, { title: 'Your skills passport', status, body: <EditorView {...props} /> })
  }
  const refuse = (req: FastifyRequest, reply: FastifyReply, which: 'skill' | 'credential' | 'target', values: Record<string, string>, errors: FormErrors, choices: readonly PickerChoice[] = []) =>
    editor(req, reply, { [which]: { values, errors, choices } }, 400)

  app.get('/passport', readPage, async (req, reply) => editor(req, reply))

  app.post('/passport/skills', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const fields = pickerFields(form)
    const level = levelOf(form)
    const values = { name: fields.name, level: text(form, 'level') }
    const { key, typed } = pickedKey(fields)
    if (key === '') return refuse(req, reply, 'skill', values, fieldError('name', 'Enter the skill’s name.'))
    if (level === undefined) return refuse(req, reply, 'skill', values, fieldError('level', 'Choose your level.'))
    try {
      await passport.setSkill(userId, { skill: key, level, source: 'self' })
    } catch (error) {
      if (!notFoundIn(error)) throw error
      const near = lookUpName(search, 'skill', key)
      if ('found' in near && typed) {
        await passport.setSkill(userId, { skill: near.found, level, source: 'self' })
        return seeOther(reply, '/passport?done=skill-added#skills')
      }
      return refuse(req, reply, 'skill', values, fieldError('name', `No skill is called “${key}”. Choose one of the skills offered, or try other words.`), 'choices' in near ? near.choices : [])
    }
    return seeOther(reply, '/passport?done=skill-added#skills')
  })

  /** The stored entry of a skill; 404 when the passport lacks it. */
  const storedSkill = async (userId: string, skillId: string) => {
    const found = (await passport.read(userId)).skills.find((s) => s.skill === skillId)
    if (!found) throw new AppError('passport_skill.not_found', 404, 'Your passport has no such skill.')
    return found
  }

  app.post<SkillParam>('/passport/skills/:skillId', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const level = levelOf(formOf(req))
    if (level === undefined) throw new AppError('request.invalid', 400, 'Choose a level from 0 to 5.')
    const skill = await storedSkill(userId, req.params.skillId)
    // A level the learner sets is theirs; evidence they gave stays with it.
    const source = skill.evidence.length > 0 ? 'evidence' : 'self'
    await passport.setSkill(userId, { skill: skill.skill, level, source, evidence: skill.evidence })
    return seeOther(reply, '/passport?done=skill-saved#skills')
  })

  app.post<SkillParam>('/passport/skills/:skillId/evidence', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const skill = await storedSkill(userId, req.params.skillId)
    const values = { title: text(form, 'title').trim(), url: text(form, 'url').trim() }
    const errors = values.title === '' ? fieldError('title', 'Say what shows the skill.')
      : values.title.length > 200 ? fieldError('title', 'Use at most 200 characters.')
        : values.url !== '' && (!/^https?:\/\/\S+$/i.test(values.url) || values.url.length > 2000) ? fieldError('url', 'Enter a link starting with https:// or http://.')
          : NO_ERRORS
    if (errors !== NO_ERRORS) return editor(req, reply, { evidence: { skill: skill.skill, values, errors } }, 400)
    const evidence = [...skill.evidence, { kind: values.url ? 'link' as const : 'other' as const, title: values.title, ...(values.url ? { url: values.url } : {}) }]
    await passport.setSkill(userId, { skill: skill.skill, level: skill.level, source: 'evidence', evidence })
    return seeOther(reply, '/passport?done=evidence-added#skills')
  })

  app.post<SkillParam>('/passport/skills/:skillId/remove', formPost, async (req, reply) => {
    await passport.removeSkill(requireUser(req.actor).userId, req.params.skillId)
    return seeOther(reply, '/passport?done=skill-removed#skills')
  })

  app.post('/passport/credentials', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const form = formOf(req)
    const fields = pickerFields(form)
    const earnedOn = text(form, 'earnedOn').trim()
    const values = { name: fields.name, earnedOn }
    const picked = pickedKey(fields)
    if (picked.key === '') return refuse(req, reply, 'credential', values, fieldError('name', 'Enter the credential’s name.'))
    if (earnedOn !== '' && (!DATE.test(earnedOn) || Number.isNaN(Date.parse(earnedOn)))) return refuse(req, reply, 'credential', values, fieldError('earnedOn', 'Enter the date as year-month-day, for example 2025-06-30.'))
    const near = picked.typed ? lookUpName(search, 'credential', picked.key) : { found: picked.key }
    if (!('found' in near)) return refuse(req, reply, 'credential', values, fieldError('name', `No credential is called “${picked.key}”. Choose one of those offered, or try other words.`), near.choices)
    try {
      await passport.earn(userId, near.found, earnedOn === '' ? undefined : earnedOn)
    } catch (error) {
      if (!notFoundIn(error)) throw error
      return refuse(req, reply, 'credential', values, fieldError('name', 'That credential is not in the catalog.'))
    }
    return seeOther(reply, '/passport?done=credential-added#credentials')
  })

  app.post<CredentialParam>('/passport/credentials/:credentialId/remove', formPost, async (req, reply) => {
    await passport.unearn(requireUser(req.actor).userId, req.params.credentialId)
    return seeOther(reply, '/passport?done=credential-removed#credentials')
  })

  app.post('/passport/targets', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const fields = pickerFields(formOf(req))
    const values = { name: fields.name }
    const picked = pickedKey(fields)
    if (picked.key === '') return refuse(req, reply, 'target', values, fieldError('name', 'Enter the career’s name.'))
    const near = picked.typed ? lookUpName(search, 'career', picked.key) : { found: picked.key }
    if (!('found' in near)) return refuse(req, reply, 'target', values, fieldError('name', `No career is called “${picked.key}”. Choose one of those offered, or try other words.`), near.choices)
    const current = (await passport.read(userId)).targets.map((t) => t.slug)
    try {
      await passport.setTargets(userId, [...current.filter((s) => s !== near.found), near.found])
    } catch (error) {
      if (!notFoundIn(error)) throw error
      return refuse(req, reply, 'target', values, fieldError('name', 'That career is not in the catalog.'))
    }
    return seeOther(reply, '/passport?done=target-added#targets')
  })

  app.post('/passport/targets/remove', formPost, async (req, reply) => {
    const userId = requireUser(req.actor).userId
    const career = text(formOf(req), 'career')
    const current = (await passport.read(userId)).targets.map((t) => t.slug)
    if (!current.includes(career)) throw new AppError('target.not_found', 404, 'That career is not one of your targets.')
    await passport.setTargets(userId, current.filter((s) => s !== career))
    return seeOther(reply, '/passport?done=target-removed#targets')
  })
}
