/**
 * Careers side by side. Pay is only comparable when it is the same statistic, from the same source,
 * period and place: the comparison looks for such a figure every career has (preferring the BLS OEWS
 * national annual median) and says so; when there is none, each career shows its own best figure and
 * the note says they differ.
 */
import type * as S from '../../../shared/schemas.js'
import type { CareerSkillModel } from './career-skills.js'

export interface CompareInput {
  profile: S.CareerProfile
  careerId: string
}

const TOP_SKILLS = 10

const payKey = (f: S.Fact) => `${f.source.id}|${f.statistic}|${f.unit}|${f.period?.value ?? ''}|${f.place.id}`

/** Preference among shared pay figures: annual before hourly, median before mean, official before quoted. */
function payRank(f: S.Fact): number {
  let rank = 0
  if (f.unit !== 'per-year') rank += 100
  if (f.statistic !== 'median') rank += f.statistic === 'mean' || f.statistic === 'average' ? 10 : 50
  if (!f.source.id.startsWith('bls-oews')) rank += 1
  if (f.place.kind !== 'country') rank += 5
  return rank
}

function salaryFacts(profile: S.CareerProfile): S.Fact[] {
  return profile.facts.filter((f) => f.kind === 'salary' && f.subject === null && f.value !== null)
}

/** The figure of a career under a key: the reference figure, else the same role, else the first. */
function pick(facts: S.Fact[]): S.Fact | undefined {
  return facts.find((f) => f.reference) ?? facts.find((f) => f.scope.relation === 'same-role') ?? facts[0]
}

export function comparePay(profiles: readonly S.CareerProfile[]): { pays: (S.Fact | null)[]; notes: string[]; shared: boolean } {
  const byCareer = profiles.map((p) => {
    const map = new Map<string, S.Fact[]>()
    for (const f of salaryFacts(p)) map.set(payKey(f), [...(map.get(payKey(f)) ?? []), f])
    return map
  })
  const common = [...(byCareer[0]?.keys() ?? [])].filter((key) => byCareer.every((m) => m.has(key)))
  const best = common
    .map((key) => ({ key, rank: payRank((byCareer[0]?.get(key) as S.Fact[])[0] as S.Fact) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : 1))[0]
  if (best && profiles.length > 1) {
    const pays = byCareer.map((m) => pick(m.get(best.key) ?? []) ?? null)
    const f = pays[0] as S.Fact
    const note = `Same statistic for every career: ${f.statistic} ${f.unit === 'per-year' ? 'annual' : f.unit.replace('per-', 'per ')} pay, ${f.source.title}${f.period ? `, ${f.period.label}` : ''}, ${f.place.name}.`
    return { pays, notes: pays.map((p) => (p && p.scope.relation !== 'same-role' ? `${note} Figure for ${p.scope.label}.` : note)), shared: true }
  }
  const pays = profiles.map((p) => p.salaryPanel.reference ?? pick(salaryFacts(p).filter((f) => f.statistic === 'median')) ?? pick(salaryFacts(p)) ?? null)
  const notes = pays.map((f) => f === null
    ? 'No pay figure for this career in the catalog.'
    : `Not the same figure as the other careers: ${f.statistic} ${f.unit === 'per-year' ? 'annual' : f.unit} pay from ${f.source.title}${f.period ? ` (${f.period.label})` : ''}, ${f.scope.label}.`)
  return { pays, notes, shared: false }
}

export function pickFact(profile: S.CareerProfile, kind: string, statistic: string): S.Fact | null {
  const facts = profile.facts.filter((f) => f.kind === kind && f.statistic === statistic && f.subject === null)
  return facts.find((f) => f.reference) ?? facts.find((f) => f.source.id.startsWith('bls-ep')) ?? facts[0] ?? null
}

export function entryEducation(profile: S.CareerProfile): { text: string; source: string } | null {
  const required = profile.requirements.find((r) => r.key === 'typical-entry-education')
  if (required) return { text: required.value, source: required.source }
  if (profile.education) return { text: profile.education.typical, source: profile.education.sources[0] ?? '' }
  if (profile.jobZone?.education) return { text: profile.jobZone.education, source: 'onet' }
  return null
}

export function entryExperience(profile: S.CareerProfile): { text: string; source: string } | null {
  const required = profile.requirements.find((r) => r.key === 'work-experience')
  if (required) return { text: required.value, source: required.source }
  const e = profile.experience
  if (e) return { text: e.min === e.max ? `${e.min} ${e.unit}` : `${e.min}–${e.max} ${e.unit}`, source: e.source }
  if (profile.jobZone?.experience) return { text: profile.jobZone.experience, source: 'onet' }
  return null
}

/** Each career's heaviest skills, marking those another compared career also needs. */
export function compareSkills(
  inputs: readonly CompareInput[], model: CareerSkillModel, skillName: (id: string) => string,
): { top: S.Comparison['careers'][number]['topSkills'][]; shared: S.Comparison['sharedSkills'] } {
  // Each career's full skill set, with equivalents, to tell whether another career shares a skill.
  const sets = inputs.map(({ careerId }) => new Set(model.of(careerId).flatMap(({ skill }) => model.sameAs(skill))))
  const sharedWith = (skill: string, self: number) =>
    inputs.map((input, j) => (j !== self && model.sameAs(skill).some((s) => sets[j]?.has(s)) ? input.profile.slug : null)).filter((s): s is string => s !== null)
  const top = inputs.map(({ careerId }, i) => model.of(careerId).slice(0, TOP_SKILLS).map(({ skill, weight }) => ({
    id: skill, name: skillName(skill), weight, shared: sharedWith(skill, i).length > 0,
  })))
  const shared = new Map<string, { id: string; name: string; careers: Set<string>; weight: number }>()
  inputs.forEach(({ careerId, profile }, i) => {
    for (const { skill, weight } of model.of(careerId)) {
      const others = sharedWith(skill, i)
      if (others.length === 0) continue
      // One entry per group of equivalent skills, under the first id met.
      const key = model.sameAs(skill).find((s) => shared.has(s)) ?? skill
      const entry = shared.get(key) ?? { id: key, name: skillName(key), careers: new Set<string>(), weight: 0 }
      entry.careers.add(profile.slug)
      for (const o of others) entry.careers.add(o)
      entry.weight += weight
      shared.set(key, entry)
    }
  })
  const sharedList = [...shared.values()]
    .sort((a, b) => b.careers.size - a.careers.size || b.weight - a.weight || (a.name < b.name ? -1 : 1))
    .slice(0, 20)
    .map((e) => ({ id: e.id, name: e.name, careers: inputs.map((x) => x.profile.slug).filter((slug) => e.careers.has(slug)) }))
  return { top, shared: sharedList }
}
