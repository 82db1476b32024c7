/**
 * What the CV pages share: their services, the learner's CV built from the stored passport and
 * account, and the learner's target careers.
 */
import type { FastifyRequest } from 'fastify'
import type { CoverLetterService } from '../../server/modules/cv/cover-letter.index.js'
import type { CvDocument, CvService, SavedCvsService } from '../../server/modules/cv/index.js'
import type { ExtractionService } from '../../server/modules/extraction/index.js'
import type { PassportModule } from '../../server/modules/passport/index.js'
import type { AccountPagesOptions } from '../account/page-kit.js'
import { learnerOf } from '../passport/passport-kit.js'

export interface CvPagesOptions extends AccountPagesOptions {
  learner: PassportModule
  cv: CvService
  /** The learner's saved CVs (/api/v1/me/cvs). */
  savedCvs: SavedCvsService
  letters: CoverLetterService
  extraction: ExtractionService
}

export { readPage, formPost } from '../passport/passport-kit.js'

/** The signed-in learner's id, their stored passport and their CV as the passport and account give it. */
export async function learnerCv(request: FastifyRequest, options: CvPagesOptions) {
  const { passport } = options.learner
  const userId = await learnerOf(request, passport, 'passport')
  const stored = await passport.read(userId)
  const user = await options.db.selectFrom('users').select(['display_name', 'email']).where('id', '=', userId).executeTakeFirst()
  const view = options.cv.passportView({
    skills: stored.skills.map((s) => ({ skill: s.skill, level: s.level, ...(s.evidence.length ? { evidence: s.evidence } : {}) })),
    credentials: stored.credentials.map((c) => ({ credential: c.credential, earnedOn: c.earnedOn })),
  })
  const cv: CvDocument = options.cv.fromPassport(view, { name: user?.display_name ?? '', email: user?.email ?? null })
  return { userId, stored, cv }
}
