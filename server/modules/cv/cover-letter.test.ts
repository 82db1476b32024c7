/**
 * The cover letter builder (pure) and its exports: the draft follows the template from the career
 * and the CV, the learner's text renders as text in HTML (SECURITY.md I5) and reads back from the PDF.
 */
import { parse } from 'parse5'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { draftCoverLetter } from './cover-letter.js'
import { letterDisposition, renderLetterHtml, renderLetterPdf } from './cover-letter-render.js'
import type { CoverLetter } from './cover-letter.schema.js'
import { FULL_CV, XSS } from './cv.fixtures.js'
import type { Tailoring } from './cv.schema.js'

const TAILORING: Tailoring = {
  career: { slug: 'back-end-developer', title: 'Back-End Developer' },
  matched: [
    { skill: 'python', name: 'Python', weight: 0.9 },
    { skill: 'sql', name: 'SQL', weight: 0.8 },
    { skill: 'onet:2.A.2.a', name: 'Critical Thinking', weight: 0.5 },
    { skill: 'git', name: 'Git', weight: 0.4 },
  ],
  missingKeywords: [
    { skill: 'docker', name: 'Docker', weight: 0.7 },
    { skill: 'rest', name: 'REST APIs', weight: 0.6 },
    { skill: 'linux', name: 'Linux', weight: 0.5 },
    { skill: 'kubernetes', name: 'Kubernetes', weight: 0.4 },
  ],
  summarySuggestion: 'Aspiring Back-End Developer.',
}
const SUMMARY = 'Build and maintain the server side of web applications. They design APIs.'

describe('draftCoverLetter', () => {
  const letter = draftCoverLetter({ cv: FULL_CV, tailoring: TAILORING, careerSummary: SUMMARY, recipient: { name: 'Ms Nowak', organisation: 'Acme' }, today: '2026-11-22' })

  it('greets the named recipient and says why this career from its title and the first sentence of its summary', () => {
    expect(letter.greeting).toBe('Dear Ms Nowak,')
    expect(letter.paragraphs[0]).toContain('Back-End Developer at Acme')
    expect(letter.paragraphs[0]).toContain('build and maintain the server side of web applications')
    expect(letter.paragraphs[0]).not.toContain('They design APIs')
  })

  it('names three matched skills, with the project that backs a skill as proof and the certificates held', () => {
    const skills = letter.paragraphs[1]!
    expect(skills).toContain('Python, which my project “Shop in Flask”')
    expect(skills).toContain('Critical Thinking')
    expect(skills).not.toContain('Git')
    expect(skills).toContain('I hold SQL certificate')
  })

  it('frames the top three missing keywords as what the learner is learning, then closes', () => {
    expect(letter.paragraphs[2]).toBe('I am now learning Docker, REST APIs and Linux, and I plan my study around what the role needs next.')
    expect(letter.paragraphs).toHaveLength(4)
    expect(letter).toMatchObject({ closing: 'Kind regards,', signature: 'Zoë Łukasiewicz', sender: { name: 'Zoë Łukasiewicz', email: 'zoe@example.org' }, date: '2026-11-22', career: { slug: 'back-end-developer' } })
  })

  it('without a recipient, nothing matched and nothing missing: a generic greeting and only why and the closing', () => {
    const bare = draftCoverLetter({ cv: { ...FULL_CV, projects: [] }, tailoring: { ...TAILORING, matched: [], missingKeywords: [] }, careerSummary: '' })
    expect(bare.greeting).toBe('Dear hiring team,')
    expect(bare.recipient).toBeUndefined()
    expect(bare.paragraphs).toEqual(['I am writing to apply for a role as Back-End Developer.', expect.stringContaining('Thank you')])
  })
})

interface Node { nodeName: string; tagName?: string; attrs?: { name: string }[]; childNodes?: Node[]; value?: string }
const walk = (node: Node, visit: (n: Node) => void): void => { visit(node); for (const c of node.childNodes ?? []) walk(c, visit) }

const PAYLOAD_LETTER: CoverLetter = {
  sender: { name: XSS, email: 'x@example.org', phone: '"><svg onload=alert(5)>' },
  recipient: { name: XSS, organisation: XSS },
  career: { slug: XSS, title: XSS },
  date: '2026-11-22',
  greeting: XSS, paragraphs: [XSS, XSS], closing: XSS, signature: XSS,
}

describe('the letter exports', () => {
  it('HTML: a payload in every field is text; only the template\'s elements and attributes exist', () => {
    const html = renderLetterHtml(PAYLOAD_LETTER)
    const tags = new Set<string>()
    const attributes = new Set<string>()
    const texts: string[] = []
    walk(parse(html) as unknown as Node, (n) => {
      if (n.tagName) tags.add(n.tagName)
      for (const a of n.attrs ?? []) attributes.add(a.name)
      if (n.nodeName === '#text' && n.value !== undefined) texts.push(n.value)
    })
    expect([...tags].sort()).toEqual(['body', 'br', 'head', 'html', 'li', 'meta', 'p', 'style', 'title', 'ul'])
    expect([...attributes].sort()).toEqual(['charset', 'class', 'content', 'http-equiv', 'lang', 'name'])
    expect(html).not.toMatch(/<(script|img|svg)\b/i)
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(texts.filter((t) => t.includes(XSS)).length).toBeGreaterThanOrEqual(7)
  })

  it('PDF: renders and the text reads back', async () => {
    const pdf = await renderLetterPdf({ ...PAYLOAD_LETTER, paragraphs: ['Cześć — Привет — Γειά'] })
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')
    await doc.destroy()
    expect(text).toContain('<script>alert(4)</script>')
    expect(text).toContain('Cześć — Привет — Γειά')
  })

  it('download names are sanitised', () => {
    expect(letterDisposition('Zoë Łukasiewicz', 'pdf')).toBe(`attachment; filename="Zoe-Lukasiewicz-cover-letter.pdf"; filename*=UTF-8''Zo%C3%AB-%C5%81ukasiewicz-cover-letter.pdf`)
    expect(letterDisposition('a"\r\n../x', 'html')).toMatch(/^attachment; filename="[A-Za-z0-9-]+-cover-letter\.html"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/)
  })
})
