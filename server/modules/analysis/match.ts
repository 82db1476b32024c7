/**
 * Every career ranked by how well a passport fits it. Two shares, each 0–1:
 * - coverage: how much of the career the passport meets (gap.ts: weighted, level-aware);
 * - relevance: how much of the passport the career uses (Σ levels of the passport's skills the
 *   career asks for / Σ all the passport's levels).
 * The rank is their geometric mean, √(coverage × relevance): a career that needs three things the
 * learner happens to have does not outrank one that uses most of what they can do, and a career that
 * uses one of their skills among a hundred does not either. Computed from the per-skill lists of
 * careers (career-requirements.ts), so a passport costs the lists of its own skills, not a pass
 * over every career's requirements.
 */
import type { CareerSkillModel } from '../explore/career-skills.js'
import type { RequirementModel } from './career-requirements.js'
import { levelShare } from './levels.js'
import { round } from './gap.js'

export interface CareerFit {
  career: number
  coverage: number
  relevance: number
  score: number
}

export interface MatchOptions {
  /** Keeps a career (by index into the model's careerIds). */
  keep?: (career: number) => boolean
}

export function matchCareers(
  model: RequirementModel,
  skills: CareerSkillModel,
  passport: readonly { id: string; level: number }[],
  levels: ReadonlyMap<string, number>,
  options: MatchOptions = {},
): CareerFit[] {
  const n = model.careerIds.length
  const achieved = new Float64Array(n)
  for (const [skill, have] of levels) {
    if (have <= 0) continue
    for (const p of model.postings(skill)) achieved[p.career]! += p.weight * levelShare(have, p.required)
  }
  // Relevance: each passport skill counts once per career, however many of its equivalents the career lists.
  const used = new Float64Array(n)
  const stamp = new Int32Array(n).fill(-1)
  let passportTotal = 0
  passport.forEach((entry, i) => {
    if (entry.level <= 0) return
    passportTotal += entry.level
    for (const same of skills.sameAs(entry.id)) {
      for (const p of model.postings(same)) {
        if (stamp[p.career] === i) continue
        stamp[p.career] = i
        used[p.career]! += entry.level
      }
    }
  })
  const fits: CareerFit[] = []
  for (let c = 0; c < n; c++) {
    if (options.keep && !options.keep(c)) continue
    const total = model.totals[c]!
    const coverage = total > 0 ? Math.min(1, achieved[c]! / total) : 0
    const relevance = passportTotal > 0 ? used[c]! / passportTotal : 0
    fits.push({ career: c, coverage: round(coverage), relevance: round(relevance), score: round(Math.sqrt(coverage * relevance)) })
  }
  fits.sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.career - b.career)
  return fits
}
