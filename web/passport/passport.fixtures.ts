/** Hand-made analysis answers for the passport components' unit tests. */
import type { MatchAnswer, PlanAnswer } from '../../server/modules/analysis/analysis.schema.js'
import type { GapRow } from './gap-chart.js'

export const GAP_ROWS: GapRow[] = [
  { skill: 'sql', name: 'SQL', weight: 0.6, have: 3, required: 3 },
  { skill: 'python', name: 'Python', weight: 1, have: 2, required: 4 },
  { skill: 'http', name: 'HTTP and REST APIs for services that talk to each other', weight: 0.8, have: 0, required: 3 },
]

const reading = { skills: [], unresolved: [], credentials: [] }

export const PLAN: PlanAnswer = {
  career: { slug: 'back-end-developer', title: 'Back-end developer', origin: 'catalog', summary: 'Builds services.' },
  optimise: 'time',
  hoursPerWeek: 10,
  coverageBefore: 0.25,
  coverageAfter: 0.9,
  items: [
    {
      id: 'intro-python', type: 'resource', kind: 'course', title: 'Intro to Python', level: 'beginner', status: 'done',
      hours: 12, hoursEstimated: false, cost: { amount: 0, currency: 'USD' }, skills: [], prerequisiteOf: [], reason: 'Completed.', startWeek: null, endWeek: null,
    },
    {
      id: 'web-apis', type: 'resource', kind: 'course', title: 'Web APIs', level: 'beginner', status: 'planned',
      hours: 20, hoursEstimated: true, cost: null, skills: [{ skill: 'http', name: 'HTTP', from: 0, to: 2, required: 3 }],
      prerequisiteOf: [], reason: 'Teaches HTTP (weight 80%).', startWeek: 1, endWeek: 2,
    },
    {
      id: 'cloud-cert', type: 'credential', kind: 'certification', title: 'Cloud <Certified>', level: 'intermediate', status: 'planned',
      hours: 30, hoursEstimated: false, cost: { amount: 150, currency: 'USD' }, skills: [{ skill: 'python', name: 'Python', from: 2, to: 3, required: 4 }],
      prerequisiteOf: [], reason: 'Raises Python to 3.', startWeek: 3, endWeek: 5,
    },
  ],
  totals: { hours: 50, weeks: 5, cost: { amount: 150, currency: 'USD' }, itemsWithUnknownCost: 1 },
  uncovered: [{ skill: 'kubernetes', name: 'Kubernetes', weight: 0.5, required: 3, reached: 0, reason: 'Nothing in the catalog teaches it.' }],
  weeks: [
    { week: 1, items: [{ id: 'web-apis', hours: 10 }] },
    { week: 2, items: [{ id: 'web-apis', hours: 10 }] },
    { week: 3, items: [{ id: 'cloud-cert', hours: 10 }] },
    { week: 4, items: [{ id: 'cloud-cert', hours: 10 }] },
    { week: 5, items: [{ id: 'cloud-cert', hours: 10 }] },
  ],
  assumptions: ['Levels: a beginner item brings a skill to 2.'],
  passport: reading,
}

export const MATCHES: MatchAnswer = {
  items: [
    {
      career: { slug: 'back-end-developer', title: 'back-end developer', origin: 'catalog', summary: '' },
      score: 0.72, coverage: 0.6, relevance: 0.86,
      matched: [{ skill: 'python', name: 'Python', weight: 1 }], missing: [{ skill: 'http', name: 'HTTP', weight: 0.8 }],
      outlook: { pay: { value: 131450, source: 'bls-oews-2024', period: 'May 2024' }, growthPercent: { value: 15, source: 'bls-ep', period: '2024–2034' }, education: { level: 'bachelor', label: "Bachelor's degree", source: 'bls-ep' } },
    },
    {
      career: { slug: 'data-analyst', title: 'Data analyst', origin: 'onet', summary: '' },
      score: 0.4, coverage: 0.3, relevance: 0.5, matched: [], missing: [], outlook: { pay: null, growthPercent: { value: -3, source: 'bls-ep', period: null }, education: null },
    },
  ],
  total: 2,
  filteredOut: 0,
  passport: reading,
}
