/**
 * Tailoring a CV to a career: the skills the career asks for come first, heaviest first (its
 * importance weights, the same the gap analysis uses); the rest keep the learner's order after them.
 * The career's skills the CV does not show are flagged as missing keywords, and a one-line summary
 * is suggested from the career's title and the top matched skills. The learner's own text is never
 * replaced: the suggestion fills the summary only when it is empty. Pure: the catalog lookups come
 * in as functions.
 */
import type { Cv, CvSkill, MissingKeyword, Tailoring } from './cv.schema.js'

export interface CareerRequirements {
  slug: string
  title: string
  /** The career's skills with their importance (0–1), heaviest first. */
  skills: readonly { skill: string; weight: number }[]
}

export interface SkillKnowledge {
  /** The catalog skill id a CV skill names (by its ids, then its name), if any. */
  resolve(skill: CvSkill): string | undefined
  /** One key for a skill and every id the data treats as the same skill. */
  groupOf(skillId: string): string
  name(skillId: string): string
  esco(skillId: string): string | undefined
}

export const MAX_MISSING = 15
const SUGGESTED_SKILLS = 3

const keyword = (skill: string, weight: number, know: SkillKnowledge): MissingKeyword => {
  const esco = know.esco(skill)
  return { skill, name: know.name(skill), weight, ...(esco ? { esco } : {}) }
}

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

/** The summary line offered for a career: a template the learner edits, never final copy. */
export function suggestSummary(careerTitle: string, topSkills: readonly string[]): string {
  if (topSkills.length === 0) return `Aspiring ${careerTitle}, building the skills the role asks for.`
  return `Aspiring ${careerTitle} with hands-on skills in ${listed(topSkills)}.`
}

export function tailorCv(cv: Cv, career: CareerRequirements, know: SkillKnowledge): { cv: Cv; tailoring: Tailoring } {
  const weightOf = new Map<string, { skill: string; weight: number }>()
  for (const r of career.skills) {
    const group = know.groupOf(r.skill)
    const known = weightOf.get(group)
    if (!known || r.weight > known.weight) weightOf.set(group, r)
  }
  const scored = cv.skills.map((skill, position) => {
    const id = know.resolve(skill)
    const requirement = id === undefined ? undefined : weightOf.get(know.groupOf(id))
    return { skill, position, id, requirement }
  })
  const ordered = [...scored].sort((a, b) => (b.requirement?.weight ?? 0) - (a.requirement?.weight ?? 0) || a.position - b.position)

  const shown = new Set<string>()
  const matched: MissingKeyword[] = []
  for (const s of ordered) {
    if (s.skill.hidden || !s.requirement || s.id === undefined) continue
    const group = know.groupOf(s.id)
    if (shown.has(group)) continue
    shown.add(group)
    matched.push({ ...keyword(s.id, s.requirement.weight, know), name: s.skill.name })
  }
  const missingKeywords = [...weightOf.entries()]
    .filter(([group]) => !shown.has(group))
    .map(([, r]) => r)
    .sort((a, b) => b.weight - a.weight || (a.skill < b.skill ? -1 : 1))
    .slice(0, MAX_MISSING)
    .map((r) => keyword(r.skill, r.weight, know))

  const summarySuggestion = suggestSummary(career.title, matched.slice(0, SUGGESTED_SKILLS).map((m) => m.name))
  const ownSummary = cv.basics.summary?.trim()
  return {
    cv: {
      ...cv,
      basics: ownSummary ? cv.basics : { ...cv.basics, summary: summarySuggestion.slice(0, 2000) },
      skills: ordered.map((s) => s.skill),
      career: career.slug,
    },
    tailoring: { career: { slug: career.slug, title: career.title }, matched, missingKeywords, summarySuggestion },
  }
}
