import { describe, expect, it } from 'vitest'
import type { CompareRequest } from '../compare/compare-input.js'
import {
  bigTree, comparison, DATASETS, fieldCareers, INTERESTS, interestCareers, moves, PATHWAYS_TREE, related, skillCareers,
} from '../fixtures/explore.fixture.js'
import { IMPORTED_SOURCES } from '../fixtures/imported.fixture.js'
import { makeProfile } from '../fixtures/profile.fixture.js'
import {
  renderBrowsePage, renderComparePage, renderCredentialPage, renderFieldGroupPage, renderFieldTreePage, renderInterestPage, renderRelatedPage,
  renderSkillPage,
} from '../render-explore.js'
import { renderBadRequestPage, renderNotFoundPage } from '../render.js'

const CSS = '/assets/pathways.css?v=test'
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0
const SYSTEMS = [
  { system: 'isco', title: 'ISCO-08 occupation groups', description: 'ISCO.', groups: 10 },
  { system: 'soc', title: 'SOC 2018 major groups', description: 'SOC.', groups: 23 },
  { system: 'pathways', title: 'Pathways fields', description: 'Curated.', groups: 0 },
]

/** Headings never skip a level, so the outline reads in order. */
function expectHeadingsInOrder(html: string) {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
  expect(levels[0]).toBe(1)
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1)
  })
}

describe('browse page', () => {
  const html = renderBrowsePage(SYSTEMS, INTERESTS, DATASETS, CSS)

  it('links the field hierarchies that have groups, and the six interests with their counts', () => {
    expect(html).toContain('<a href="/browse/fields/isco">ISCO-08 occupation groups</a>')
    expect(html).toContain('<a href="/browse/fields/soc">SOC 2018 major groups</a>')
    expect(html).not.toContain('href="/browse/fields/pathways"')
    expect(count(html, /href="\/browse\/interests\/[RIASEC]"/g)).toBe(6)
    expect(html).toContain('<a href="/browse/interests/I">Investigative</a>')
    expect(html).toContain('101 careers')
    expectHeadingsInOrder(html)
  })

  it('searches skills only from its skill form', () => {
    expect(html).toContain('<input type="hidden" name="type" value="skill"/>')
    expect(html).toContain('<label for="skill-q">Find a skill</label>')
  })

  it('credits O*NET and ESCO', () => {
    expect(html).toContain(IMPORTED_SOURCES.onet.attribution!)
    expect(html).toContain(IMPORTED_SOURCES.esco.attribution!)
  })
})

describe('field pages', () => {
  it('shows a small tree as nested lists of linked groups with their career counts; slashes in codes are encoded', () => {
    const html = renderFieldTreePage(PATHWAYS_TREE, [], CSS)
    expect(html).toContain('<a href="/browse/fields/pathways/it">Information Technology</a>')
    expect(html).toContain('<a href="/browse/fields/pathways/it%2Fsoftware%2Fweb">Web Developer</a>')
    expect(count(html, /<ul class="field-tree/g)).toBe(3)
    expect(html).toContain(' · 6 careers')
    expect(html).not.toContain('<details')
    expect(html).not.toContain('class="group-code"')
  })

  it('folds a large tree below its top level, with the official codes shown', () => {
    const html = renderFieldTreePage(bigTree(), DATASETS.slice(1), CSS)
    expect(count(html, /<details class="fold">/g)).toBe(2)
    expect(html).toContain('Groups within Major 1<span class="fold-count"> (30)</span>')
    expect(html).toContain('<span class="group-code"> 1000</span>')
    expect(html).toContain(IMPORTED_SOURCES.esco.attribution!)
  })

  it('shows a group with its path, the groups within it and its careers, and links the next page', () => {
    const html = renderFieldGroupPage({ result: fieldCareers(), systemTitle: 'Pathways fields', cursor: null, datasets: [] }, CSS)
    expect(html).toContain('<li><a href="/browse/fields/pathways">Pathways fields</a></li><li><a href="/browse/fields/pathways/it">Information Technology</a></li><li aria-current="page">Software Development</li>')
    expect(html).toContain('<h1>Software Development</h1>')
    expect(html).toContain('<a href="/browse/fields/pathways/it%2Fsoftware%2Fweb">Web Developer</a>')
    expect(html).toContain('<a class="career-name" href="/careers/back-end-developer">Back-End Developer</a>')
    expect(html).toContain('<a href="/browse/fields/pathways/it%2Fsoftware?cursor=eyJvIjoyfQ" rel="next">')
    expectHeadingsInOrder(html)
  })

  it('links back to the first page from a later one', () => {
    const html = renderFieldGroupPage({ result: fieldCareers({ nextCursor: null }), systemTitle: 'Pathways fields', cursor: 'eyJvIjoyfQ', datasets: [] }, CSS)
    expect(html).toContain('<a href="/browse/fields/pathways/it%2Fsoftware">First page')
    expect(html).not.toContain('rel="next"')
  })
})

describe('skill page', () => {
  const html = renderSkillPage({ result: skillCareers(), cursor: null, datasets: DATASETS.slice(0, 1) }, CSS)

  it('lists the careers that need the skill with the importance in words', () => {
    expect(html).toContain('<h1>Careers that need Kubernetes</h1>')
    expect(html).toContain('<span class="career-meta">importance 80%</span>')
    expect(html).toContain('<span class="career-meta">importance 60%</span>')
    expect(html.indexOf('importance 80%')).toBeLessThan(html.indexOf('importance 60%'))
  })

  it('lists the same skill from other datasets, linked, and credits them', () => {
    expect(html).toContain('<a href="/browse/skills/onet-tech%3Akubernetes">Kubernetes</a> <span class="item-meta-inline">(from O*NET)</span>')
    expect(html).toContain(IMPORTED_SOURCES.onet.attribution!)
  })
})

describe('interest page', () => {
  const html = renderInterestPage({ result: interestCareers(), interests: INTERESTS, cursor: null, datasets: DATASETS.slice(0, 1) }, CSS)

  it('lists careers with their score and Holland code, the letters named', () => {
    expect(html).toContain('<h1>Investigative careers</h1>')
    expect(html).toContain('Investigative score 7.0 of 7')
    expect(html).toContain('<span class="holland-code">ICR</span> <span class="item-meta-inline">(Investigative, Conventional, Realistic)</span>')
    expect(html).toContain('<a href="/browse/interests/I?cursor=eyJvIjo1MH0" rel="next">')
    expect(count(html, /<li><a href="\/browse\/interests\/[RASEC]">/g)).toBe(5)
  })
})

const request = (texts: string[], errors: (string | null)[] = []): CompareRequest => ({
  entries: [0, 1, 2, 3].map((i) => ({ text: texts[i] ?? '', slug: texts[i] && !errors[i] ? texts[i] : null, error: errors[i] ?? null })),
  slugs: texts.filter((_, i) => !errors[i]),
  problems: [],
  canonical: true,
})

describe('compare page', () => {
  const sources = new Map([[IMPORTED_SOURCES.projections.id, IMPORTED_SOURCES.projections]])
  const html = renderComparePage({ request: request(['Software Developers', 'Web Developers']), comparison: comparison(), single: null, sources, datasets: DATASETS }, CSS)

  it('puts the careers in columns of a captioned table inside a focusable, named region', () => {
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Careers compared" tabindex="0">')
    expect(html).toContain('<caption>Comparing Software Developers and Web Developers</caption>')
    expect(count(html, /<th scope="col">/g)).toBe(3)
    for (const row of ['Pay', 'Projected growth in jobs', 'People employed', 'Typical education to start', 'Work experience needed', 'Preparation (O*NET job zone)', 'Top skills']) {
      expect(html).toContain(`<th scope="row">${row}</th>`)
    }
    expect(html).toContain('$133,080 a year')
    expect(html).toContain('Zone 4: considerable preparation')
    expect(html).toContain('Source: U.S. Bureau of Labor Statistics.')
    expectHeadingsInOrder(html)
  })

  it('marks shared skills in words, not by colour alone, and lists them', () => {
    expect(html).toContain('<li class="shared-skill"><a href="/browse/skills/onet-tech%3Agit">Git</a><span class="shared-mark">shared</span></li>')
    expect(html).toContain('<li><a href="/browse/skills/onet-tech%3Ac">C</a></li>')
    expect(html).toContain('— needed by Software Developers and Web Developers')
  })

  it('says whether the pay figures are the same statistic', () => {
    expect(html).toContain('Every pay figure below is the same statistic')
    const mixed = renderComparePage({ request: request(['a', 'b']), comparison: comparison({ sharedPay: false }), single: null, sources, datasets: [] }, CSS)
    expect(mixed).toContain('<p class="notice">The pay figures below are not the same statistic')
  })

  it('keeps the form, filled with the careers compared', () => {
    expect(html).toMatch(/<label for="compare-career-1">Career 1<\/label><div class="suggest"><input id="compare-career-1" [^>]*name="career" value="Software Developers"/)
    expect(count(html, /name="career"/g)).toBe(4)
  })

  it('shows only the form, prefilled, for one career, with its related careers as comparisons', () => {
    const single = { slug: 'back-end-developer', title: 'Back-End Developer', related: [{ slug: 'web-developer', title: 'Web Developer' }] }
    const one = renderComparePage({ request: request(['Back-End Developer']), comparison: null, single, sources, datasets: [] }, CSS)
    expect(one).not.toContain('<table')
    expect(one).toContain('Add at least one more career to compare with <strong>Back-End Developer</strong>.')
    expect(one).toContain('<a href="/compare?careers=back-end-developer,web-developer">Web Developer</a>')
    expect(one).toMatch(/value="Back-End Developer"/)
  })

  it('names the box of an unknown career in a summary and beside the box', () => {
    const error = 'Career 2: no career is called “<b>Astronaut</b>”.'
    const bad = renderComparePage({ request: request(['Software Developers', '<b>Astronaut</b>'], [null, error]), comparison: null, single: null, sources, datasets: [] }, CSS)
    expect(bad).toContain('<h2 id="error-summary-heading">There is a problem</h2>')
    expect(bad).toContain('<a href="#compare-career-2">Career 2: no career is called “&lt;b&gt;Astronaut&lt;/b&gt;”.</a>')
    expect(bad).toMatch(/<input id="compare-career-2" [^>]*aria-describedby="compare-career-2-error compare-hint" aria-invalid="true"/)
    expect(bad).not.toContain('<b>Astronaut')
  })
})

describe('related page', () => {
  const profile = makeProfile()
  const sources = new Map([[IMPORTED_SOURCES.onet.id, IMPORTED_SOURCES.onet], ...profile.sources.map((s) => [s.id, s] as const)])
  const html = renderRelatedPage({ related: related(), moves: moves(), cursor: null, sources, datasets: DATASETS.slice(0, 1) }, CSS)

  it('shows the related careers the sources name beside those alike by skills', () => {
    expect(html).toContain('<h1>Careers related to Software Developers</h1>')
    expect(html).toContain('<a class="career-name" href="/careers/chief-executives">Chief Executives</a>')
    expect(html).toContain('Source: National Center for O*NET Development, for USDOL/ETA')
    expect(html).toContain('62% similar · 14 skills in common')
    expectHeadingsInOrder(html)
  })

  it('names the source once when one source lists every related career, else beside each', () => {
    expect(html.match(/Source: National Center for O\*NET/g)).toHaveLength(1)
    const official = [
      { slug: 'web-developer', title: 'Web Developer', note: 'Parent occupation', sources: [IMPORTED_SOURCES.onet.id] },
      { slug: 'front-end-developer', title: 'Front-End Developer', note: null, sources: ['coursera'] },
    ]
    const mixed = renderRelatedPage({ related: related({ official }), moves: moves(), cursor: null, sources, datasets: [] }, CSS)
    expect(mixed).toContain('<span class="source-line">Source: Coursera Career Academy</span>')
    expect(mixed).toContain('<span class="career-summary">Parent occupation</span><span class="source-line">Source: National Center')
  })

  it('lists the moves with the share already covered, the skills to add or build up and a comparison', () => {
    expect(html).toContain('You already have 70% of what it needs · 14 skills in common')
    expect(html).toContain('<a href="/browse/skills/onet-tech%3Afigma">Figma</a></li>')
    expect(html).toContain('Reading Comprehension</a> (build up)</li>')
    expect(html).toContain('href="/compare?careers=software-developers,web-developers"')
    expect(html).toContain('<a href="/careers/software-developers/related?cursor=eyJvIjoyMH0#moves" rel="next">')
  })

  it('credits O*NET', () => {
    expect(html).toContain(IMPORTED_SOURCES.onet.attribution!)
  })
})

describe('credential page', () => {
  it('shows the credential, the skills it builds linked to their careers, and the pathways that list it', () => {
    const credential = makeProfile().credentials[0]!
    const html = renderCredentialPage({ credential, careers: [{ slug: 'back-end-developer', title: 'Back-End Developer', role: 'start' }], sources: [] }, CSS)
    expect(html).toContain(`<h1>${credential.title}</h1>`)
    expect(html).toContain(`<a href="/browse/skills/${encodeURIComponent(credential.skills[0]!.id)}">`)
    expect(html).toContain('<a href="/careers/back-end-developer">Back-End Developer</a><span class="item-meta-inline"> — A place to start</span>')
  })
})

describe('error pages', () => {
  const careers = [{ slug: 'back-end-developer', title: 'Back-End Developer', summary: 'Server side.', origin: 'catalog', fieldPath: [], aliases: [], codes: [] }]

  it('names what was not found and offers search and browse', () => {
    const html = renderNotFoundPage(careers, CSS, 'skill')
    expect(html).toContain('<h1>Skill not found</h1>')
    expect(html).toContain('<a href="/browse">Browse careers by field, interest or skill</a>')
    expect(html).toContain('<label for="error-search">')
    expect(html).toContain('href="/careers/back-end-developer"')
  })

  it('lists what is wrong with the address, as text', () => {
    const html = renderBadRequestPage(careers, CSS, ['The filter “<i>type</i>” must be career.'])
    expect(html).toContain('<h1>This address cannot be shown</h1>')
    expect(html).toContain('<li>The filter “&lt;i&gt;type&lt;/i&gt;” must be career.</li>')
  })
})
