/**
 * CVs for the tests and the benchmark: a full one (every field), one long enough for two pages, and
 * a polyglot XSS payload placed in every string field.
 */
import type { Cv } from './cv.schema.js'

export const FULL_CV: Cv = {
  template: 'classic',
  basics: {
    name: 'Zoë Łukasiewicz', label: 'Junior back-end developer', email: 'zoe@example.org', phone: '+48 12 345 67 89',
    url: 'https://zoe.example.org', summary: 'I build small, well-tested web services.', location: { city: 'Kraków', region: 'Lesser Poland', countryCode: 'PL' },
  },
  work: [{ name: 'Acme Sp. z o.o.', position: 'Intern', location: 'Kraków', url: 'https://acme.example.org', startDate: '2024-06', endDate: '2024-09', summary: 'Payments team.', highlights: ['Built a refunds API', 'Raised test coverage to 90%'] }],
  education: [{ institution: 'Jagiellonian University', area: 'Computer Science', studyType: 'BSc', url: 'https://uj.example.org', startDate: '2021', endDate: '2024', score: '4.5/5', courses: ['Databases', 'Networks'] }],
  projects: [{ name: 'Shop in Flask', description: 'A small web shop.', url: 'https://github.example.org/zoe/shop', startDate: '2023-03', endDate: '2023-05', highlights: ['Stripe test mode'], keywords: ['Python', 'SQL'], skills: ['python', 'sql'] }],
  skills: [
    { name: 'Python', level: 4, keywords: ['Flask', 'pytest'], ids: { catalog: 'python', esco: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d' } },
    { name: 'SQL', level: 3, ids: { catalog: 'sql', esco: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742' } },
    { name: 'Critical Thinking', level: 3, ids: { catalog: 'onet:2.A.2.a', onet: '2.A.2.a' } },
    { name: 'Knitting', level: 2, hidden: true, ids: { catalog: 'knitting' } },
  ],
  certificates: [{ name: 'SQL certificate', issuer: 'Acme Academy', date: '2025-06-01', url: 'https://cert.example.org/1', credential: 'acme-sql-certificate' }],
  languages: [{ language: 'Polish', fluency: 'Native' }, { language: 'English', fluency: 'C1' }],
  layout: { order: ['skills', 'work', 'projects'], hidden: ['languages'] },
}

/** Enough entries for at least two A4 pages in either template. */
export function longCv(template: Cv['template'] = 'classic'): Cv {
  const work = Array.from({ length: 14 }, (_, i) => ({
    name: `Company ${i + 1}`, position: 'Developer', startDate: `${2000 + i}-01`, endDate: `${2001 + i}-01`,
    summary: 'Worked on services that handle many requests; wrote tests, reviewed code and mentored interns. '.repeat(2),
    highlights: ['Cut latency by a third', 'Moved the build to CI', 'Ran the on-call rota'],
  }))
  return { ...FULL_CV, template, layout: {}, work }
}

/** A polyglot payload: breaks out of text, attributes, URLs, style and script contexts if anything is not escaped. */
export const XSS = `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=alert(1) )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(2)//>\\x3e"><img src=x onerror=alert(3)><script>alert(4)</script>`

/** The same within 50 characters, for the short fields (phone, score, languages, places, keywords). */
export const SHORT_XSS = `"><svg onload=alert(5)><script>alert(6)</script>`

/** The payload in every string field a learner types, within each field's limit (URLs keep the http(s) prefix the schema demands). */
export function cvWithPayload(template: Cv['template'] = 'classic'): Cv {
  const p = XSS
  const s = SHORT_XSS
  const url = `https://example.org/?q=${encodeURIComponent(p)}`
  return {
    template,
    basics: { name: p, label: p, email: 'x@example.org', phone: s, url, summary: p, location: { city: s, region: s, countryCode: 'GB' } },
    work: [{ name: p, position: p, location: p, url, startDate: '2020', summary: p, highlights: [p] }],
    education: [{ institution: p, area: p, studyType: s, url, score: s, courses: [p] }],
    projects: [{ name: p, description: p, url, highlights: [p], keywords: [s], skills: [p] }],
    skills: [{ name: p, level: 3, keywords: [s], ids: { catalog: p } }],
    certificates: [{ name: p, issuer: p, url, credential: p }],
    languages: [{ language: s, fluency: s }],
  }
}
