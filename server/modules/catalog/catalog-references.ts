/**
 * Cross-file rules the schemas cannot express: unique ids, every reference resolvable, ranges the
 * right way round, a value where the statistic needs one, an exchange rate for every currency.
 */
import type { CatalogBundle, CatalogProblem } from './catalog-loader.js'
import type { CareerFile, CatalogFact } from './catalog-files.schema.js'

type Problem = Omit<CatalogProblem, 'line' | 'column'>

export function checkReferences(bundle: CatalogBundle, careerFiles: string[]): Problem[] {
  const problems: Problem[] = []
  const ids = {
    source: idSet(bundle.sources, 'sources.yaml', '/sources', problems),
    place: idSet(bundle.places, 'places.yaml', '/places', problems),
    provider: idSet(bundle.providers, 'providers.yaml', '/providers', problems),
    skill: idSet(bundle.skills, 'skills.yaml', '/skills', problems),
    credential: idSet(bundle.credentials, 'credentials.yaml', '/credentials', problems),
    resource: idSet(bundle.resources, 'resources.yaml', '/resources', problems),
    career: idSet(bundle.careers.map((c) => ({ id: c.slug })), 'careers/', '', problems),
  }
  const ref = (kind: keyof typeof ids, id: string | undefined, file: string, pointer: string) => {
    if (id !== undefined && !ids[kind].has(id)) problems.push({ file, pointer, message: `unknown ${kind} ${JSON.stringify(id)}` })
  }
  const refs = (kind: keyof typeof ids, list: string[] | undefined, file: string, pointer: string) =>
    list?.forEach((id, i) => ref(kind, id, file, `${pointer}/${i}`))

  const currencies = new Set(['USD', ...bundle.exchangeRates.map((r) => r.currency)])
  bundle.exchangeRates.forEach((r, i) => ref('source', r.source, 'exchange-rates.yaml', `/exchangeRates/${i}/source`))
  bundle.credentials.forEach((c, i) => {
    const at = `/credentials/${i}`
    ref('provider', c.provider, 'credentials.yaml', `${at}/provider`)
    ref('provider', c.offeredVia, 'credentials.yaml', `${at}/offeredVia`)
    refs('skill', c.skills, 'credentials.yaml', `${at}/skills`)
    refs('source', c.sources, 'credentials.yaml', `${at}/sources`)
    if (c.duration && c.duration.min > c.duration.max) problems.push({ file: 'credentials.yaml', pointer: `${at}/duration`, message: 'min is greater than max' })
  })
  bundle.resources.forEach((r, i) => {
    refs('skill', r.skills, 'resources.yaml', `/resources/${i}/skills`)
    refs('source', r.sources, 'resources.yaml', `/resources/${i}/sources`)
  })
  problems.push(...prerequisiteProblems(bundle))

  bundle.careers.forEach((career, index) => {
    const file = careerFiles[index] ?? `careers/${career.slug}.yaml`
    if (file !== `careers/${career.slug}.yaml`) problems.push({ file, pointer: '/slug', message: `slug ${JSON.stringify(career.slug)} does not match the file name` })
    checkCareer(career, file, { ref, refs, problems, currencies })
  })
  return problems
}

/**
 * Prerequisites name credentials or resources that exist, and never loop back (a → b → a would make
 * every plan containing either impossible).
 */
function prerequisiteProblems(bundle: CatalogBundle): Problem[] {
  const problems: Problem[] = []
  const items = new Map<string, { file: string; pointer: string; prerequisites: string[] }>()
  bundle.credentials.forEach((c, i) => items.set(c.id, { file: 'credentials.yaml', pointer: `/credentials/${i}/prerequisites`, prerequisites: c.prerequisites ?? [] }))
  bundle.resources.forEach((r, i) => items.set(r.id, { file: 'resources.yaml', pointer: `/resources/${i}/prerequisites`, prerequisites: r.prerequisites ?? [] }))
  for (const [id, item] of items) {
    item.prerequisites.forEach((p, j) => {
      if (!items.has(p)) problems.push({ file: item.file, pointer: `${item.pointer}/${j}`, message: `unknown credential or resource ${JSON.stringify(p)}` })
      else if (p === id) problems.push({ file: item.file, pointer: `${item.pointer}/${j}`, message: 'an item cannot be its own prerequisite' })
    })
  }
  // Depth-first search for a cycle; each item is reported once, at the first item found on a loop.
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return
    if (state.get(id) === 'open') {
      const item = items.get(path[path.indexOf(id)] ?? id)!
      problems.push({ file: item.file, pointer: item.pointer, message: `prerequisites loop: ${path.slice(path.indexOf(id)).join(' → ')}` })
      return
    }
    state.set(id, 'open')
    for (const next of items.get(id)?.prerequisites ?? []) if (items.has(next) && next !== id) visit(next, [...path, next])
    state.set(id, 'done')
  }
  for (const id of items.keys()) visit(id, [id])
  return problems
}

interface Checks {
  ref: (kind: 'source' | 'place' | 'provider' | 'skill' | 'credential' | 'resource' | 'career', id: string | undefined, file: string, pointer: string) => void
  refs: (kind: 'source' | 'skill' | 'credential' | 'resource' | 'career', ids: string[] | undefined, file: string, pointer: string) => void
  problems: Problem[]
  currencies: Set<string>
}

function checkCareer(career: CareerFile, file: string, { ref, refs, problems, currencies }: Checks): void {
  career.codes.forEach((c, i) => refs('source', c.sources, file, `/codes/${i}/sources`))
  refs('source', career.education?.sources, file, '/education/sources')
  ref('source', career.experience?.source, file, '/experience/source')
  if (career.experience && career.experience.min > career.experience.max) problems.push({ file, pointer: '/experience', message: 'min is greater than max' })
  for (const list of ['highlights', 'responsibilities', 'personalityTraits', 'projects', 'selfGuidedProjects', 'growthOpportunities'] as const) {
    career[list]?.forEach((item, i) => refs('source', item.sources, file, `/${list}/${i}/sources`))
  }
  career.skillSets?.forEach((set, i) => {
    ref('source', set.source, file, `/skillSets/${i}/source`)
    set.skills.forEach((s, j) => {
      ref('skill', s.skill, file, `/skillSets/${i}/skills/${j}/skill`)
      if (s.score !== undefined && set.scaleMax !== undefined && s.score > set.scaleMax) problems.push({ file, pointer: `/skillSets/${i}/skills/${j}/score`, message: `score is above the set's scaleMax ${set.scaleMax}` })
    })
  })
  const factIds = new Set<string>()
  career.facts?.forEach((fact, i) => {
    const at = `/facts/${i}`
    if (factIds.has(fact.id)) problems.push({ file, pointer: `${at}/id`, message: `duplicate fact id ${JSON.stringify(fact.id)}` })
    factIds.add(fact.id)
    ref('place', fact.place, file, `${at}/place`)
    ref('source', fact.source, file, `${at}/source`)
    ref('source', fact.citedIn, file, `${at}/citedIn`)
    problems.push(...factShapeProblems(fact, currencies).map((message) => ({ file, pointer: at, message })))
  })
  const references = career.facts?.filter((f) => f.reference) ?? []
  const kinds = new Set(references.map((f) => f.kind))
  if (kinds.size !== references.length) problems.push({ file, pointer: '/facts', message: 'more than one reference fact of the same kind' })
  career.credentials?.forEach((c, i) => {
    ref('credential', c.credential, file, `/credentials/${i}/credential`)
    refs('source', c.sources, file, `/credentials/${i}/sources`)
  })
  refs('resource', career.resources, file, '/resources')
  for (const [section, steps] of Object.entries(career.pathway ?? {})) {
    steps?.forEach((step, i) => {
      refs('skill', step.skills, file, `/pathway/${section}/${i}/skills`)
      refs('credential', step.credentials, file, `/pathway/${section}/${i}/credentials`)
      refs('source', step.sources, file, `/pathway/${section}/${i}/sources`)
    })
  }
  career.related?.forEach((r, i) => {
    ref('career', r.career, file, `/related/${i}/career`)
    refs('source', r.sources, file, `/related/${i}/sources`)
  })
  career.specialisations?.forEach((s, i) => {
    refs('skill', s.skills, file, `/specialisations/${i}/skills`)
    refs('source', s.sources, file, `/specialisations/${i}/sources`)
    ref('place', s.salary?.place, file, `/specialisations/${i}/salary/place`)
    if (s.salary && s.salary.low > s.salary.high) problems.push({ file, pointer: `/specialisations/${i}/salary`, message: 'low is greater than high' })
  })
  career.faq?.forEach((q, i) => refs('source', q.sources, file, `/faq/${i}/sources`))
}

/** What is wrong with one fact's shape, as plain messages. */
export function factShapeProblems(fact: CatalogFact, currencies: Set<string>): string[] {
  const out: string[] = []
  if (fact.statistic === 'range') {
    if (fact.low === undefined || fact.high === undefined) out.push('a range needs low and high')
    else if (fact.low > fact.high) out.push('low is greater than high')
  } else if (fact.statistic === 'designation') {
    if (fact.label === undefined) out.push('a designation needs a label')
  } else if (fact.value === undefined) {
    out.push(`a ${fact.statistic} needs a value`)
  }
  const money = fact.unit === 'per-year' || fact.unit === 'per-hour'
  if (money && fact.currency === undefined) out.push('a money figure needs a currency')
  if (!money && fact.currency !== undefined) out.push(`currency makes no sense with unit ${fact.unit}`)
  if (fact.currency !== undefined && !currencies.has(fact.currency)) out.push(`no exchange rate for ${fact.currency} in exchange-rates.yaml`)
  return out
}

function idSet(items: { id: string }[], file: string, pointer: string, problems: Problem[]): Set<string> {
  const set = new Set<string>()
  items.forEach((item, i) => {
    if (set.has(item.id)) problems.push({ file, pointer: `${pointer}/${i}/id`, message: `duplicate id ${JSON.stringify(item.id)}` })
    set.add(item.id)
  })
  return set
}
