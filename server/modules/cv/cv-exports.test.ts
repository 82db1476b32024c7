/**
 * The three exports of one CV: JSON Resume against the official schema (with every skill's ids kept),
 * the PDF read back by a PDF parser (text, pages, fonts for non-ASCII names), the HTML document.
 */
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { renderCvHtml } from './cv-html.js'
import { renderCvPdf } from './cv-pdf.js'
import { FULL_CV, longCv } from './cv.fixtures.js'
import type { Cv } from './cv.schema.js'
import { EXTENSION, toJsonResume } from './json-resume.js'

const require = createRequire(import.meta.url)
const officialSchema = require('@jsonresume/schema/schema.json') as Record<string, unknown>
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const validateResume = ajv.compile(officialSchema)

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; fonts: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
  }
  await doc.destroy()
  const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]!)
  return { pages, fonts }
}

describe('JSON Resume export', () => {
  it('validates against the official @jsonresume/schema', () => {
    const resume = toJsonResume(FULL_CV, { now: '2026-01-02T03:04:05.000Z' })
    expect(validateResume(resume), ajv.errorsText(validateResume.errors)).toBe(true)
    expect(resume.basics).toMatchObject({ name: 'Zoë Łukasiewicz', email: 'zoe@example.org', location: { city: 'Kraków', countryCode: 'PL' } })
    expect((resume.meta as Json).lastModified).toBe('2026-01-02T03:04:05')
  })

  it('keeps every skill\'s catalog id, ESCO URI, O*NET id and level, hidden ones too, so a round trip loses none', () => {
    const resume = JSON.parse(JSON.stringify(toJsonResume(FULL_CV))) as Json
    const extension = resume.meta[EXTENSION]
    const exported = [...resume.skills, ...(extension.hidden?.skills ?? [])] as Json[]
    const back = exported.map((s) => ({ name: s.name, level: s[EXTENSION].level, ids: { catalog: s[EXTENSION].id, esco: s[EXTENSION].esco, onet: s[EXTENSION].onet } }))
    const clean = (ids: Json) => Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined))
    expect(back.map((s) => ({ ...s, ids: clean(s.ids) }))).toEqual(
      [...FULL_CV.skills.filter((s) => !s.hidden), ...FULL_CV.skills.filter((s) => s.hidden)].map((s) => ({ name: s.name, level: s.level, ids: s.ids })),
    )
    expect((resume.skills as Json[]).map((s) => s.name)).not.toContain('Knitting') // a theme shows only what the learner chose
    expect(resume.languages).toBeUndefined()
    expect(extension.hidden.languages).toEqual([{ language: 'Polish', fluency: 'Native' }, { language: 'English', fluency: 'C1' }])
    expect(extension).toMatchObject({ version: 1, template: 'classic', layout: FULL_CV.layout })
    expect(resume.projects[0][EXTENSION]).toEqual({ skills: ['python', 'sql'] })
    expect(resume.certificates[0][EXTENSION]).toEqual({ credential: 'acme-sql-certificate' })
    expect(resume.skills[0].level).toBe('advanced')
  })

  it('an empty CV is still a valid document', () => {
    const empty: Cv = { template: 'compact', basics: { name: '' }, work: [], education: [], projects: [], skills: [], certificates: [], languages: [] }
    expect(validateResume(toJsonResume(empty)), ajv.errorsText(validateResume.errors)).toBe(true)
  })
})

describe('PDF export', () => {
  it.each(['classic', 'compact'] as const)('%s: opens, and its text (name with Ł and ë, headings, skills) reads back', async (template) => {
    const pdf = await renderCvPdf({ ...FULL_CV, template })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { pages, fonts } = await pdfText(pdf)
    expect(pages).toHaveLength(1)
    const text = pages.join('\n')
    for (const expected of ['Zoë Łukasiewicz', 'SKILLS', 'EXPERIENCE', 'PROJECTS', 'EDUCATION', 'CERTIFICATES', 'Python', 'Critical Thinking', 'Kraków', 'Raised test coverage to 90%']) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('Knitting') // a hidden skill
    expect(text).not.toContain('LANGUAGES') // a hidden section
    expect(text.indexOf('SKILLS')).toBeLessThan(text.indexOf('EXPERIENCE')) // the learner's order
    expect(fonts.some((f) => f.includes(template === 'classic' ? 'DejaVuSerif' : 'DejaVuSansCondensed'))).toBe(true)
  })

  it('sets Greek, Cyrillic, Armenian and Georgian text with the embedded font', async () => {
    const words = ['Αθηνά Παπαδοπούλου', 'Иван Петров', 'Արամ Խաչատրյան', 'ნინო ბერიძე', 'Nguyễn Thị Minh Khai']
    const pdf = await renderCvPdf({ ...FULL_CV, template: 'compact', basics: { name: words[0]!, summary: words.slice(1).join(' / ') } })
    const text = (await pdfText(pdf)).pages.join(' ')
    for (const word of words) expect(text).toContain(word)
  })

  it.each(['classic', 'compact'] as const)('%s: a long CV flows onto a second page, never cutting a heading from its entries', async (template) => {
    const { pages } = await pdfText(await renderCvPdf(longCv(template)))
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages.join('\n')).toContain('Company 14')
    for (const page of pages) expect(page.trimEnd()).not.toMatch(/(EXPERIENCE|SKILLS|PROJECTS|EDUCATION|CERTIFICATES)$/)
  })
})

describe('HTML export', () => {
  it('is one complete document with its own CSP, no script, the learner\'s order and no hidden content', () => {
    const html = renderCvHtml(FULL_CV)
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;sha256-[A-Za-z0-9+/=]+&#x27;/)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('<h1>Zoë Łukasiewicz</h1>')
    expect(html.indexOf('id="cv-skills"')).toBeLessThan(html.indexOf('id="cv-work"'))
    expect(html).not.toContain('Knitting')
    expect(html).not.toContain('cv-languages')
  })
})
