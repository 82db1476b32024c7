/**
 * The learner's passport and earned credentials as signed Open Badges 3.0 credentials (issue 6,
 * item 6, issuing side): the stored data turned into the badges module's inputs, with each skill
 * aligned to its taxonomy URI (ESCO skill URI, or the O*NET OnLine page of an O*NET element).
 * Pathways does not check an earned credential with its provider; the achievement's criteria say so.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/types.js'
import type { BadgesService, PassportCredentialInput, SignedCredential, SkillRef } from '../badges/index.js'
import type { CatalogView, SkillInfo } from './catalog-view.js'
import type { PassportService } from './passport.service.js'
import { notEarned } from './passport.service.js'

const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\/([0-9a-f-]+)$/i
const ONET_PAGE = 'https://www.onetonline.org/find/descriptor/result/'

const ACHIEVEMENT_TYPES: Record<string, string> = {
  'professional-certificate': 'Certificate', certificate: 'Certificate', certification: 'Certification', course: 'Course',
  degree: 'Degree', diploma: 'Diploma', badge: 'Badge', license: 'License', 'associate-degree': 'AssociateDegree', 'bachelor-degree': 'BachelorDegree',
}

/** A skill's alignment target: its ESCO URI, else its O*NET element's page; undefined without either. */
export function skillRef(id: string, info: SkillInfo | undefined): SkillRef | undefined {
  const label = info?.name ?? id
  const esco = info?.escoUri ? ESCO_SKILL.exec(info.escoUri) : null
  if (info?.escoUri && esco) return { uri: info.escoUri, code: esco[1], framework: 'ESCO', label }
  if (info?.onetElement) return { uri: `${ONET_PAGE}${encodeURIComponent(info.onetElement)}`, code: info.onetElement, framework: 'O*NET', label }
  return undefined
}

/** A file name with nothing but letters, digits, dots, dashes and underscores. */
export const safeFileName = (stem: string): string => `${stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'credential'}.json`

export interface PassportCredentialsDeps {
  db: Kysely<Database>
  passport: PassportService
  badges: BadgesService
}

export function createPassportCredentials({ db, passport, badges }: PassportCredentialsDeps) {
  async function learnerOf(userId: string) {
    const user = await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow()
    return { id: user.id, ...(user.display_name.trim() ? { name: user.display_name } : {}) }
  }

  return {
    /** The whole passport, signed: one result per skill with its level and source, earned credentials as evidence. */
    async passportCredential(userId: string): Promise<SignedCredential> {
      const catalog: CatalogView = passport.view()
      const stored = await passport.read(userId)
      const skills: PassportCredentialInput['skills'] = stored.skills.map((s) => {
        const ref = skillRef(s.skill, catalog.skill(s.skill))
        return {
          id: s.skill, label: s.name, level: s.level, source: s.source,
          ...(ref ? { uri: ref.uri, framework: ref.framework, ...(ref.code ? { code: ref.code } : {}) } : { framework: 'Pathways' }),
        }
      })
      const credentials = stored.credentials.map((c) => {
        const info = catalog.credential(c.credential)
        return { id: c.credential, name: c.title ?? c.credential, earnedAt: c.earnedOn, ...(info ? { issuer: info.provider } : {}) }
      })
      return badges.issuePassportCredential({ learner: await learnerOf(userId), skills, credentials })
    },

    /** One earned credential as an achievement, its skills aligned to their taxonomy URIs. */
    async achievementCredential(userId: string, credentialId: string): Promise<SignedCredential> {
      const stored = await passport.read(userId)
      const earned = stored.credentials.find((c) => c.credential === credentialId)
      const catalog = passport.view()
      const info = catalog.credential(credentialId)
      if (!earned || !info) throw notEarned(credentialId)
      const skills = info.skills.flatMap((id) => skillRef(id, catalog.skill(id)) ?? [])
      const unique = skills.filter((s, i) => skills.findIndex((o) => o.uri === s.uri) === i)
      return badges.issueAchievementCredential({
        learner: await learnerOf(userId),
        achievement: {
          id: credentialId, name: info.title, description: info.summary ?? `${info.title}, from ${info.provider}.`,
          criteria: `Completing ${info.title} (${info.provider}). The learner recorded it in Pathways as earned on ${earned.earnedOn}; Pathways has not checked this with ${info.provider}.`,
          achievementType: ACHIEVEMENT_TYPES[info.type] ?? `ext:${info.type.replace(/[^A-Za-z0-9._-]+/g, '') || 'Credential'}`,
          earnedAt: `${earned.earnedOn}T00:00:00Z`, skills: unique,
        },
      })
    },
  }
}

export type PassportCredentials = ReturnType<typeof createPassportCredentials>
