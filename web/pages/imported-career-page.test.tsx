import { describe, expect, it } from 'vitest'
import { IMPORTED_SOURCES, makeEscoProfile, makeOnetProfile, skill, SOFTWARE_DISTRIBUTION } from '../fixtures/imported.fixture.js'
import { renderCareerPage } from '../render.js'

const CSS = '/assets/pathways.css?v=test'
const onet = renderCareerPage(makeOnetProfile(), CSS)
const esco = renderCareerPage(makeEscoProfile(), CSS)
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0
const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}"`)
  expect(start, `section #${id}`).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</section>', start))
}
const tocTargets = (html: string) => {
  const toc = html.slice(html.indexOf('id="toc-heading"'), html.indexOf('</nav>', html.indexOf('id="toc-heading"')))
  return [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
}

describe('career page of an imported O*NET occupation', () => {
  it('leads with the work, then pay, outlook, education, skills, interests, programmes and matches, in that order', () => {
    expect(tocTargets(onet)).toEqual([
      'at-a-glance', 'the-work', 'codes', 'pay', 'outlook', 'education', 'skills', 'interests', 'programmes', 'related', 'matching-occupations', 'sources',
    ])
    for (const id of tocTargets(onet)) expect(onet).toContain(`<section id="${id}"`)
  })

  it('keeps the document rules: no script or inline style, one h1, no skipped heading level, every table captioned', () => {
    expect(onet).not.toMatch(/<script|<style|style=/)
    expect(count(onet, /<h1[\s>]/g)).toBe(1)
    const levels = [...onet.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1)
    })
    const tables = count(onet, /<table/g)
    expect(count(onet, /<caption>/g)).toBe(tables)
    expect(count(onet, /<th(?![^>]*scope=)[\s>]/g)).toBe(0)
  })

  it('says which datasets the career comes from near the top, O*NET first, and links each to its source entry', () => {
    const line = onet.slice(onet.indexOf('class="data-from"'), onet.indexOf('</p>', onet.indexOf('class="data-from"')))
    expect(line.indexOf('O*NET 29.3 Database')).toBeLessThan(line.indexOf('Employment Projections'))
    expect(line).toContain('href="#source-onet-29-3"')
    expect(onet.indexOf('class="data-from"')).toBeLessThan(onet.indexOf('id="toc-heading"'))
  })

  it('shows the O*NET attribution text in full in the Sources section', () => {
    expect(section(onet, 'sources')).toContain(IMPORTED_SOURCES.onet.attribution)
  })

  it('does not repeat the occupation at the end of the breadcrumb', () => {
    const crumb = onet.slice(onet.indexOf('aria-label="Breadcrumb"'), onet.indexOf('</nav>', onet.indexOf('aria-label="Breadcrumb"')))
    expect(count(crumb, /Software Developers/g)).toBe(1)
    expect(crumb).toContain('<li aria-current="page">Software Developers</li>')
  })

  it('lists core tasks before supplemental ones', () => {
    const work = section(onet, 'the-work')
    expect(work.indexOf('Analyze user needs')).toBeLessThan(work.indexOf('Supplemental tasks'))
    expect(work.indexOf('Design, develop and modify')).toBeLessThan(work.indexOf('Modify existing software'))
    expect(work.indexOf('Supplemental tasks')).toBeLessThan(work.indexOf('Modify existing software'))
  })

  it('folds 40 alternative titles after the first 12, behind a keyboard-operable summary', () => {
    const intro = onet.slice(0, onet.indexOf('class="lead"'))
    expect(intro).toContain('<details class="fold"><summary>Show all 40 alternative titles')
    expect(intro.indexOf('Developer title 12<')).toBeLessThan(intro.indexOf('<details'))
    expect(intro.indexOf('Developer title 13<')).toBeGreaterThan(intro.indexOf('<details'))
  })

  it('draws the wage distribution with its text alternative and a percentile table, annual and hourly', () => {
    const pay = section(onet, 'pay')
    expect(pay).toContain('aria-labelledby="chart-pay-spread-0-title"')
    expect(pay).toContain('<desc id="chart-pay-spread-0-desc">Annual pay: 10th percentile $79,850, 25th percentile $103,050, median $133,080')
    expect(pay).toContain('<caption>Pay percentiles, Software Developers (SOC 15-1252), May 2024</caption>')
    expect(pay).toContain('$211,450')
    expect(pay).toContain('$101.66')
    // The side-by-side table still lists the OEWS median and mean.
    expect(pay).toContain('<caption>National salary figures, side by side</caption>')
    expect(pay).toContain('$144,570 a year')
  })

  it('marks top-coded wages "at least" in the table and "≥" in the chart', () => {
    const topCoded = { ...SOFTWARE_DISTRIBUTION, annual: { ...SOFTWARE_DISTRIBUTION.annual, p90: 239200 }, note: 'At least $239,200 a year: BLS top-codes wages at or above this amount.' }
    const html = renderCareerPage(makeOnetProfile({ salaryPanel: { ...makeOnetProfile().salaryPanel, distributions: [topCoded] } }), CSS)
    expect(html).toContain('at least $239,200')
    expect(html).toContain('≥ $239,200')
    expect(html).toContain('90th percentile at least $239,200')
  })

  it('says what each outlook figure counts, with its source and period', () => {
    const outlook = section(onet, 'outlook')
    expect(outlook).toContain('+15.8%')
    expect(outlook).toContain('Projected change in the number of jobs')
    expect(outlook).toContain('Job openings each year, on average')
    expect(outlook).toContain('Employment Projections 2024–34')
    expect(outlook).toContain('Period: 2024–2034')
  })

  it('headlines growth as a percentage at a glance, and BLS entry education when no curated one exists', () => {
    const glance = section(onet, 'at-a-glance')
    expect(glance).toContain('+15.8%')
    expect(glance).not.toContain('267,700')
    expect(glance).toContain('Typical entry education')
    expect(glance).toContain("Bachelor&#x27;s degree")
  })

  it('shows the job zone, BLS entry requirements in order, and the most common education answers', () => {
    const education = section(onet, 'education')
    expect(education).toContain('Job zone 4 of 5: Considerable Preparation Needed')
    const order = ['Typical education needed to start', 'Work experience in a related occupation', 'Typical on-the-job training once hired']
    const at = order.map((label) => education.indexOf(label))
    expect(at.every((i) => i > -1)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(education).toContain('62.5%')
    expect(education).toContain('>Post-Secondary Certificate<')
    expect(education).not.toContain('Less than a High School Diploma')
  })

  it('charts the 15 most important rated skills and lists every one with importance and level', () => {
    const skills = section(onet, 'skills')
    const chart = skills.slice(skills.indexOf('<svg'), skills.indexOf('</svg>'))
    expect(count(chart, /<rect/g)).toBe(15)
    expect(chart).toContain('Computers and Electronics (knowledge)')
    expect(skills).toContain('<th scope="col">Level (0–7)</th>')
    expect(skills).toContain('Repairing')
    expect(skills).toContain('Not relevant')
    expect(skills).toContain('Show all 19 skills')
  })

  it('lists technology with hot and in-demand badges in words, those first, folding the rest', () => {
    const skills = section(onet, 'skills')
    const tech = skills.slice(skills.indexOf('Technology used in this job'))
    expect(tech.indexOf('Python')).toBeLessThan(tech.indexOf('Git'))
    expect(tech.indexOf('Git')).toBeLessThan(tech.indexOf('Eclipse IDE'))
    expect(tech).toMatch(/Python<\/span><span class="badge badge-hot">Hot technology<\/span><span class="badge badge-demand">In demand<\/span>/)
    expect(tech).toContain('Show all 33 technologies')
  })

  it('shows interests strongest first, programmes without the trailing full stop, and matches with how they were made', () => {
    const interests = section(onet, 'interests')
    expect(interests.indexOf('Investigative')).toBeLessThan(interests.indexOf('Conventional'))
    expect(interests).toContain('The strongest here: Investigative, Conventional, Realistic.')
    expect(interests).toContain('<a href="/browse/interests/I">Investigative</a>')
    expect(section(onet, 'programmes')).toMatch(/11\.0701<\/span> Computer Science</)
    const matches = section(onet, 'matching-occupations')
    expect(matches).toContain('href="/careers/software-developer"')
    expect(matches).toContain('>Software developer</a>')
    expect(matches).toContain('In ESCO, the European classification of occupations')
    expect(matches).toContain('A narrower occupation')
    expect(matches).toContain('Nesta’s ESCO–O*NET crosswalk')
  })

  it('says a match through a shared code only shares the code, without calling it wider or the same', () => {
    const html = renderCareerPage(
      makeOnetProfile({ equivalents: [{ slug: 'back-end-developer', title: 'Back-End Developer', system: 'onet-soc', code: '15-1252.00', granularity: 'exact', via: 'shared-code', source: 'onet-29-3' }] }),
      CSS,
    )
    const matches = section(html, 'matching-occupations')
    expect(matches).toContain('Filed under the same O*NET-SOC code, 15-1252.00.')
    expect(matches).not.toContain('The same occupation')
  })

  it('escapes imported text', () => {
    const html = renderCareerPage(
      makeOnetProfile({
        tasks: [{ text: '<img src=x onerror=alert(1)>', type: 'Core' }],
        aliases: ['<script>alert(1)</script>'],
        skills: { sets: [{ ...makeOnetProfile().skills.sets[0]!, skills: [skill({ id: 'x', name: '<b>bold</b>', kind: 'technology' }, { hotTechnology: true })] }], combined: [] },
      }),
      CSS,
    )
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<b>bold</b>')
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;')
  })

  it('leaves out imported sections with nothing to show', () => {
    const html = renderCareerPage(makeOnetProfile({ tasks: [], jobZone: null, requirements: [], attributes: {}, programmes: [], equivalents: [] }), CSS)
    for (const id of ['the-work', 'education', 'interests', 'programmes', 'matching-occupations']) {
      expect(html).not.toContain(`href="#${id}"`)
      expect(html).not.toContain(`<section id="${id}"`)
    }
  })

  it('ignores attribute values of an unexpected shape instead of printing them', () => {
    const html = renderCareerPage(makeOnetProfile({ attributes: { education: 'lots', interests: [{ code: 'R', name: 'Realistic', score: 'high' }] } }), CSS)
    expect(html).not.toContain('<section id="interests"')
    expect(html).not.toContain('lots')
  })
})

describe('career page of an imported ESCO occupation', () => {
  it('starts the lower-case ESCO title with a capital and shows ESCO’s scope note and regulation', () => {
    expect(esco).toContain('<h1>Software developer</h1>')
    expect(esco).toContain('Includes people performing software design.')
    expect(esco).toContain('regulated profession')
  })

  it('lists essential and optional skills apart, folding the long essential list', () => {
    const skills = section(esco, 'skills')
    expect(skills).toContain('Essential skills and knowledge (30)')
    expect(skills).toContain('Optional skills and knowledge (5)')
    expect(skills.indexOf('essential skill 30')).toBeLessThan(skills.indexOf('Optional skills'))
    expect(skills).toContain('Show all 30 essential skills')
    expect(skills).not.toContain('Show all 5')
    expect(skills).toContain('essential skill 1<span class="chip-note"> (knowledge)</span>')
  })

  it('groups matches by taxonomy and says ISCO ↔ SOC matches are group-level', () => {
    const matches = section(esco, 'matching-occupations')
    expect(count(matches, /<h3>In O\*NET, the US occupation database \(2\)<\/h3>/g)).toBe(1)
    expect(matches).toContain('group-level match, ISCO-08 ↔ SOC')
    expect(matches).toMatch(/class="notice"><strong>Group-level matches: <\/strong>Matched only at group level/)
  })

  it('shows the ESCO attribution and links the ESCO code to its page', () => {
    expect(section(esco, 'sources')).toContain('This service uses the ESCO classification of the European Commission.')
    expect(esco).toContain('<a href="http://data.europa.eu/esco/occupation/f2b15a0e">')
  })

  it('has no empty sections: no pay, outlook or at-a-glance without figures', () => {
    expect(tocTargets(esco)).toEqual(['codes', 'skills', 'matching-occupations', 'sources'])
  })
})
