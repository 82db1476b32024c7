import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { NO_ERRORS, fieldError } from '../forms/form-errors.js'
import { layoutGapChart, orderGapRows } from './gap-chart.js'
import { GapChartFigure, GapChartSvg, GapTable, GAP_CHART_ROWS } from './gap-chart-svg.js'
import { MatchList } from './match-list.js'
import { GAP_ROWS, MATCHES, PLAN } from './passport.fixtures.js'
import { PlanItemCards, PlanTimeline, PlanTotals, UncoveredSkills, weekSpans } from './plan-timeline.js'
import { layoutProgress } from './progress-chart.js'
import { ProgressFigure, ProgressTable } from './progress-chart-svg.js'
import { Picker } from './skill-picker.js'

const html = (node: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(node)
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()

describe('gap chart layout', () => {
  it('orders rows by weight, then by the larger shortfall', () => {
    expect(orderGapRows(GAP_ROWS).map((r) => r.skill)).toEqual(['python', 'http', 'sql'])
    const tie = orderGapRows([{ skill: 'a', name: 'A', weight: 0.5, have: 2, required: 3 }, { skill: 'b', name: 'B', weight: 0.5, have: 0, required: 3 }])
    expect(tie.map((r) => r.skill)).toEqual(['b', 'a'])
  })

  it('draws the level had in proportion to the 0–5 scale and marks the level needed', () => {
    const layout = layoutGapChart(GAP_ROWS)
    const [sql, python, http] = layout.rows
    expect(sql!.have.width).toBeCloseTo((3 / 5) * sql!.track.width)
    expect(python!.have.width).toBeCloseTo((2 / 5) * python!.track.width)
    expect(python!.marker.x).toBeCloseTo(python!.track.x + (4 / 5) * python!.track.width)
    expect(http!.have.width).toBe(0)
    expect(layout.rows.map((r) => r.met)).toEqual([true, false, false])
    expect(layout.rows.map((r) => r.value.text)).toEqual(['3 of 3', '2 of 4', '0 of 3'])
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5'])
  })

  it('writes the weight in each label and wraps long names inside the 360-wide drawing', () => {
    const layout = layoutGapChart(GAP_ROWS)
    expect(layout.rows[0]!.lines.map((l) => l.text).join(' ')).toBe('SQL (weight 60%)')
    expect(layout.rows[2]!.lines.length).toBeGreaterThan(1)
    for (const row of layout.rows) {
      for (const line of row.lines) expect(line.text.length * 7.6).toBeLessThanOrEqual(360)
      expect(row.value.x + 50).toBeLessThanOrEqual(layout.width + 6)
    }
    // Rows do not overlap: each starts below the previous bar.
    for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.lines[0]!.y).toBeGreaterThan(layout.rows[i - 1]!.track.y + 14)
  })
})

describe('gap chart and table', () => {
  it('is an image with a title and a description saying how many skills are met', () => {
    const svg = html(<GapChartSvg id="g" title="Levels" rows={GAP_ROWS} />)
    expect(svg).toMatch(/^<svg[^>]* role="img"/)
    expect(svg).toContain('<title id="g-title">Levels</title>')
    expect(svg).toContain('1 of 3 met')
    expect(svg).not.toContain('style=')
  })

  it('draws at most the heaviest rows and says so; the table lists every skill', () => {
    const many = Array.from({ length: GAP_CHART_ROWS + 3 }, (_, i) => ({ skill: `s${i}`, name: `Skill ${i}`, weight: 1 - i / 100, have: 1, required: 3 }))
    const figure = html(<GapChartFigure id="g" careerTitle="Nurse" rows={many} />)
    expect(figure.match(/<rect[^>]*fill="#f3f4f6"/g)).toHaveLength(GAP_CHART_ROWS)
    expect(text(figure)).toContain(`The ${GAP_CHART_ROWS} most important of ${many.length} skills are drawn.`)
    const table = html(<GapTable rows={many} caption="Every skill" />)
    expect(table.match(/<tr>/g)).toHaveLength(many.length + 1)
  })

  it('writes levels with their names and what is left in the table', () => {
    const t = text(html(<GapTable rows={GAP_ROWS} caption="Skills" />))
    expect(t).toContain('Python 100% 2 beginner 4 advanced 2 levels to go')
    expect(t).toContain('SQL 60% 3 intermediate 3 intermediate Met')
    expect(t).toContain('0 none 3 intermediate Missing')
  })

  it('renders nothing without rows', () => {
    expect(html(<GapChartFigure id="g" careerTitle="X" rows={[]} />)).toBe('')
  })
})

describe('progress chart', () => {
  const series = [
    { at: '2026-03-10T00:00:00Z', coverage: 0.5, done: 2 },
    { at: '2026-03-01T00:00:00Z', coverage: 0.25, done: 0 },
    { at: '2026-03-31T00:00:00Z', coverage: 1, done: 5 },
  ]

  it('places points on a time scale, oldest left, full coverage at the top', () => {
    const layout = layoutProgress(series)
    expect(layout.points.map((p) => p.point.coverage)).toEqual([0.25, 0.5, 1])
    const [a, b, c] = layout.points
    expect(a!.x).toBe(layout.plot.left)
    expect(c!.x).toBe(layout.plot.right)
    expect((b!.x - a!.x) / (c!.x - a!.x)).toBeCloseTo(9 / 30, 2)
    expect(c!.y).toBe(layout.plot.top)
    expect(layout.path).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L/)
    expect(layout.xLabels.map((l) => l.label)).toEqual(['1 Mar 2026', '31 Mar 2026'])
  })

  it('centres a single point', () => {
    const layout = layoutProgress([{ at: '2026-03-01', coverage: 0.4 }])
    expect(layout.points[0]!.x).toBe((layout.plot.left + layout.plot.right) / 2)
    expect(layout.xLabels).toHaveLength(1)
  })

  it('has a summary, and a table listing every point with the items done', () => {
    const figure = html(<ProgressFigure id="p" careerTitle="Nurse" series={series} />)
    expect(figure).toContain('3 points from 1 Mar 2026 (25%) to 31 Mar 2026 (100%).')
    const t = text(html(<ProgressTable series={series} caption="Progress" />))
    expect(t).toContain('1 Mar 2026 25% 0 10 Mar 2026 50% 2 31 Mar 2026 100% 5')
  })
})

describe('plan timeline', () => {
  it('merges consecutive weeks with the same work', () => {
    expect(weekSpans(PLAN.weeks).map((s) => [s.from, s.to, s.items.map((i) => i.id)])).toEqual([[1, 2, ['web-apis']], [3, 5, ['cloud-cert']]])
  })

  it('lists the spans in order with each item linked and its weekly hours', () => {
    const t = html(<PlanTimeline items={PLAN.items} weeks={PLAN.weeks} />)
    expect(t).toMatch(/^<ol class="timeline">/)
    expect(text(t)).toBe('Weeks 1–2 Web APIs — 10 hours a week Weeks 3–5 Cloud &lt;Certified&gt; — 10 hours a week')
    expect(t).toContain('href="/resources/web-apis"')
    expect(t).toContain('href="/credentials/cloud-cert"')
  })

  it('shows each item with its reason, skills, hours and price, and a done button only for planned items', () => {
    const cards = html(<PlanItemCards items={PLAN.items} csrf="tok" markDone={(i) => `/passport/plans/p1/items/${i.id}/done`} />)
    const t = text(cards)
    expect(t).toContain('Teaches HTTP (weight 80%).')
    expect(t).toContain('HTTP: 0 none → 2 beginner (needed: 3)')
    expect(t).toContain('20 hours (estimated) · price not stated')
    expect(t).toContain('30 hours · $150')
    expect(t).toContain('12 hours · free')
    expect(cards.match(/action="\/passport\/plans\/p1\/items\/[^"]+\/done"/g)).toEqual(['action="/passport/plans/p1/items/web-apis/done"', 'action="/passport/plans/p1/items/cloud-cert/done"'])
    expect(cards).toContain('name="_csrf" value="tok"')
    expect(html(<PlanItemCards items={PLAN.items} />)).not.toContain('<form')
  })

  it('explains uncovered skills and totals', () => {
    expect(text(html(<UncoveredSkills uncovered={PLAN.uncovered} />))).toContain('Kubernetes (needed: 3 intermediate; the plan reaches 0 none): Nothing in the catalog teaches it.')
    const totals = text(html(<PlanTotals plan={PLAN} />))
    expect(totals).toContain('50 hours over 5 weeks at 10 hours a week')
    expect(totals).toContain('$150 (1 item without a stated price left out)')
    expect(totals).toContain('25% now, 90% when the plan is done')
  })
})

describe('match list', () => {
  it('ranks careers with fit, coverage, shared and missing skills and the outlook', () => {
    const list = html(<MatchList items={MATCHES.items} start={1} />)
    const t = text(list)
    expect(t).toContain('1. Back-end developer')
    expect(t).toContain('Fit 72% · you cover 60% of what it needs · it uses 86% of your skills')
    expect(t).toContain('You have: Python')
    expect(t).toContain('You would need: HTTP')
    expect(t).toContain("median pay $131,450 a year (May 2024); jobs growing 15% (2024–2034); usually starts with: Bachelor's degree")
    expect(t).toContain('jobs shrinking 3%')
    expect(list).toContain('href="/passport/gaps?career=back-end-developer"')
    expect(list).toContain('href="/passport/plans?career=data-analyst"')
  })

  it('numbers a later page from its offset', () => {
    expect(html(<MatchList items={MATCHES.items} start={21} />)).toContain('<ol class="item-cards match-list" start="21">')
  })

  it('says when nothing matches', () => {
    expect(text(html(<MatchList items={[]} />))).toContain('No career matches')
  })
})

describe('picker', () => {
  it('is a labelled text field that the script can find, with an empty hidden id beside it', () => {
    const p = html(<Picker form="add-skill" kind="skill" label="Skill" errors={NO_ERRORS} />)
    expect(p).toContain('<label for="add-skill-name">Skill</label>')
    const field = /<input id="add-skill-name"[^>]*>/.exec(p)?.[0] ?? ''
    for (const attribute of ['name="name"', 'type="text"', 'data-picker="skill"', 'data-picker-target="add-skill-picked"']) expect(field).toContain(attribute)
    expect(p).toContain('<input type="hidden" id="add-skill-picked" name="id" value=""/>')
  })

  it('ties an error to the field and offers near matches as radio buttons', () => {
    const p = html(<Picker form="f" kind="credential" label="Credential" errors={fieldError('name', 'No credential is called “x”.')} value="x" choices={[{ id: 'c1', title: 'Cert One' }]} />)
    expect(p).toContain('aria-describedby="f-name-error"')
    expect(p).toContain('aria-invalid="true"')
    expect(p).toContain('value="x"')
    expect(p).toContain('<input id="f-choice-0" type="radio" name="choice" value="c1"/><label for="f-choice-0">Cert One</label>')
  })
})
