/**
 * Every career ranked by how well a passport fits it. Two shares, each 0–1:
 * - coverage: how much of the career the passport meets (gap.ts: weighted, level-aware);
 * - relevance: how much of the passport the career uses, and how much it values it (Σ level × the
 *   career's weight for each passport skill it asks for / Σ all the passport's levels) — O*NET rates
 *   every occupation on the same skills and knowledge areas, so merely asking for a skill says little;
 *   how much the career weighs it does.
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

const SCALE = 10_000
const KEY_SPAN = 16_384
/** Room for 2^20 careers; the key stays below 2^53. */
const INDEX_SPAN = 1_048_576

/** Every kept career's shares, by career index, and the kept careers best first. */
export interface CareerFits {
  /** Career indices (into the model's careerIds), best fit first. */
  order: Int32Array
  coverage: Float64Array
  relevance: Float64Array
  score: Float64Array
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
): CareerFits {
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
        used[p.career]! += entry.level * p.weight
      }
    }
  })
  const coverage = new Float64Array(n)
  const relevance = new Float64Array(n)
  const score = new Float64Array(n)
  // One number per career that sorts natively in the wanted order — score, then coverage, both
  // descending (4 decimals each), then the career's index — far quicker than a comparator sort.
  const keys = new Float64Array(n)
  let count = 0
  for (let c = 0; c < n; c++) {
    if (options.keep && !options.keep(c)) continue
    const total = model.totals[c]!
    coverage[c] = round(total > 0 ? Math.min(1, achieved[c]! / total) : 0)
    relevance[c] = round(passportTotal > 0 ? used[c]! / passportTotal : 0)
    score[c] = round(Math.sqrt(coverage[c]! * relevance[c]!))
    keys[count++] = ((SCALE - Math.round(score[c]! * SCALE)) * KEY_SPAN + (SCALE - Math.round(coverage[c]! * SCALE))) * INDEX_SPAN + c
  }
  const sorted = keys.subarray(0, count).sort()
  const order = new Int32Array(count)
  for (let i = 0; i < count; i++) order[i] = sorted[i]! % INDEX_SPAN
  return { order, coverage, relevance, score }
}
