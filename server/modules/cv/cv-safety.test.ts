/**
 * What the learner types cannot become markup or a header (SECURITY.md I5, F1): a polyglot payload
 * in every string field of the CV renders as text in the HTML export (parsed back, no element or
 * attribute comes from it), does not break the PDF, and download names are sanitised.
 */
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { renderCvHtml } from './cv-html.js'
import { renderCvPdf } from './cv-pdf.js'
import { cvWithPayload, SHORT_XSS, XSS } from './cv.fixtures.js'
import { asciiStem, attachmentDisposition } from './file-name.js'

interface Node { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node }

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node)
  for (const child of node.childNodes ?? []) walk(child, visit)
  if (node.content) walk(node.content, visit)
}

const TEMPLATE_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'a', 'main', 'section', 'article', 'span'])
const TEMPLATE_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'href', 'rel', 'id', 'aria-labelledby'])

describe('the HTML export with a payload in every field', () => {
  it.each(['classic', 'compact'] as const)('%s: only the template\'s own elements and attributes exist; the payload is text', (template) => {
    const html = renderCvHtml(cvWithPayload(template))
    const tags = new Set<string>()
    const attributes: { name: string; value: string }[] = []
    const texts: string[] = []
    walk(parse(html) as unknown as Node, (n) => {
      if (n.tagName) tags.add(n.tagName)
      attributes.push(...(n.attrs ?? []))
      if (n.nodeName === '#text' && n.value !== undefined) texts.push(n.value)
    })
    expect([...tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([])
    expect(attributes.map((a) => a.name).filter((a) => !TEMPLATE_ATTRIBUTES.has(a))).toEqual([])
    for (const a of attributes.filter((x) => x.name === 'href')) expect(a.value).toMatch(/^https:\/\/example\.org\/\?q=/)
    expect(html).not.toMatch(/<(script|img|svg)\b/i)
    // One title, one stylesheet: the payload's </title> and </style> did not close anything.
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(html.match(/<style>/g)).toHaveLength(1)
    expect(texts.filter((t) => t.includes(XSS)).length).toBeGreaterThanOrEqual(12) // name, label, summary, each entry's fields …
    expect(texts.filter((t) => t.includes(SHORT_XSS)).length).toBeGreaterThanOrEqual(4) // phone, places, score, languages …
  })
})

describe('the PDF export with a payload in every field', () => {
  it('renders, and the payload reads back as text', async () => {
    const pdf = await renderCvPdf(cvWithPayload('classic'))
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
    const content = await (await doc.getPage(1)).getTextContent()
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join('')
    await doc.destroy()
    expect(text).toContain('<script>alert(4)</script>')
  })
})

describe('download names', () => {
  it('fold accents, drop quotes, CR/LF, slashes and dots, and carry the readable name in filename*', () => {
    expect(attachmentDisposition('Zoë Łukasiewicz', 'pdf')).toBe(`attachment; filename="Zoe-Lukasiewicz-CV.pdf"; filename*=UTF-8''Zo%C3%AB-%C5%81ukasiewicz-CV.pdf`)
    const hostile = attachmentDisposition('a"\r\nSet-Cookie: x=1; ../../etc/passwd\\..', 'html')
    expect(hostile).not.toMatch(/[\r\n\\]/)
    expect(hostile).toMatch(/^attachment; filename="[A-Za-z0-9-]+-CV\.html"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/)
    expect(hostile).not.toContain('..')
    expect(hostile).not.toContain('/')
  })

  it('fall back to "cv" when nothing of the name is left, and keep other scripts in filename*', () => {
    expect(attachmentDisposition('', 'json')).toBe(`attachment; filename="cv-CV.json"; filename*=UTF-8''cv-CV.json`)
    expect(attachmentDisposition('Иван Петров', 'pdf')).toBe(`attachment; filename="cv-CV.pdf"; filename*=UTF-8''%D0%98%D0%B2%D0%B0%D0%BD-%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2-CV.pdf`)
    expect(asciiStem('x'.repeat(500)).length).toBeLessThanOrEqual(60)
  })
})
