/**
 * The PDF export, made in process by pdfkit — no headless browser (the most common way self-hosted
 * CV tools break). Text is real, selectable text in embedded, subset DejaVu fonts (the
 * `dejavu-fonts-ttf` package): classic sets everything in DejaVu Serif, compact in DejaVu Sans
 * Condensed. Both cover Latin (with Vietnamese and the extended ranges), Greek, Cyrillic, Armenian and
 * Georgian; right-to-left scripts (Hebrew, Arabic) and CJK or Indic scripts are not supported — a
 * missing glyph prints as an empty box, never an error. Long CVs flow onto more A4 pages; a heading
 * or an entry's title is never left alone at the foot of a page.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { Cv, SectionKind } from './cv.schema.js'
import { levelName, locationLine, period, SECTION_TITLES, shownSections, shownSkills } from './cv-layout.js'

type Doc = PDFKit.PDFDocument

interface Template {
  regular: string
  bold: string
  italic: string
  sizes: { name: number; label: number; heading: number; title: number; body: number; meta: number }
  gap: { section: number; item: number }
  inlineSkills: boolean
  titleAndMetaOnOneLine: boolean
}

const FONT_FILES = {
  serif: 'DejaVuSerif.ttf', serifBold: 'DejaVuSerif-Bold.ttf', serifItalic: 'DejaVuSerif-Italic.ttf',
  condensed: 'DejaVuSansCondensed.ttf', condensedBold: 'DejaVuSansCondensed-Bold.ttf', condensedItalic: 'DejaVuSansCondensed-Oblique.ttf',
} as const
type FontName = keyof typeof FONT_FILES

const TEMPLATES: Record<Cv['template'], Template> = {
  classic: {
    regular: 'serif', bold: 'serifBold', italic: 'serifItalic',
    sizes: { name: 22, label: 12.5, heading: 12, title: 10.5, body: 10, meta: 9.5 },
    gap: { section: 14, item: 8 }, inlineSkills: false, titleAndMetaOnOneLine: false,
  },
  compact: {
    regular: 'condensed', bold: 'condensedBold', italic: 'condensedItalic',
    sizes: { name: 17, label: 11, heading: 10.5, title: 9.5, body: 9, meta: 8.5 },
    gap: { section: 9, item: 5 }, inlineSkills: true, titleAndMetaOnOneLine: true,
  },
}

const INK = '#1a1a1a'
const MUTED = '#4a4a4a'
const MARGIN = 50

let fonts: Map<FontName, Buffer> | undefined
/** The font files, read once per process. */
function fontData(): Map<FontName, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url)
    const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/')
    fonts = new Map(Object.entries(FONT_FILES).map(([name, file]) => [name as FontName, fs.readFileSync(dir + file)]))
  }
  return fonts
}

const isLink = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url)

class Writer {
  readonly left: number
  readonly width: number

  constructor(readonly doc: Doc, readonly t: Template) {
    this.left = doc.page.margins.left
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  text(value: string, font: string, size: number, options: PDFKit.Mixins.TextOptions & { color?: string } = {}): void {
    const { color, ...rest } = options
    this.doc.font(font).fontSize(size).fillColor(color ?? INK).text(value, this.left, this.doc.y, { width: this.width, lineGap: 1.5, ...rest })
  }

  heading(title: string): void {
    const { doc, t } = this
    doc.moveDown(0.2)
    doc.y += t.gap.section - 8
    this.keep(t.sizes.heading * 2 + t.sizes.title * 3)
    this.text(title.toUpperCase(), t.bold, t.sizes.heading, { characterSpacing: 0.8 })
    const y = doc.y + 1
    doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(MUTED).stroke()
    doc.y = y + 5
  }

  /** An entry's title (a link when it has one) and its dates, place or issuer. */
  entry(title: string, url: string | undefined, meta: readonly (string | undefined)[]): void {
    const { t } = this
    const metaLine = meta.filter((m): m is string => Boolean(m && m.trim())).join(' · ')
    this.keep(t.sizes.title * 3 + (metaLine ? t.sizes.meta * 1.5 : 0))
    const link = isLink(url) ? { link: url } : {}
    if (t.titleAndMetaOnOneLine && metaLine) {
      this.text(title, t.bold, t.sizes.title, { ...link, continued: true })
      this.doc.font(t.italic).fontSize(t.sizes.meta).fillColor(MUTED).text(`  ${metaLine}`, { link: null, continued: false })
      return
    }
    this.text(title, t.bold, t.sizes.title, link)
    if (metaLine) this.text(metaLine, t.italic, t.sizes.meta, { color: MUTED })
  }

  paragraph(value: string | undefined): void {
    if (!value?.trim()) return
    this.text(value, this.t.regular, this.t.sizes.body)
  }

  bullets(lines: readonly string[] | undefined): void {
    const { doc, t } = this
    for (const line of lines ?? []) {
      const indent = t.sizes.body
      doc.font(t.regular).fontSize(t.sizes.body)
      this.keep(Math.min(doc.heightOfString(line, { width: this.width - indent }), t.sizes.body * 3))
      const y = doc.y
      doc.fillColor(INK).text('•', this.left + 2, y, { lineBreak: false })
      doc.text(line, this.left + indent, y, { width: this.width - indent, lineGap: 1.5 })
    }
  }

  space(): void {
    this.doc.y += this.t.gap.item
  }
}

const SECTIONS: { [K in SectionKind]: (w: Writer, cv: Cv) => void } = {
  work: (w, cv) => cv.work.forEach((item) => {
    w.entry(item.position ? `${item.position}, ${item.name}` : item.name, item.url, [period(item), item.location])
    w.paragraph(item.summary)
    w.bullets(item.highlights)
    w.space()
  }),
  education: (w, cv) => cv.education.forEach((item) => {
    w.entry(item.institution, item.url, [[item.studyType, item.area].filter(Boolean).join(', '), period(item, false), item.score])
    w.bullets(item.courses)
    w.space()
  }),
  projects: (w, cv) => cv.projects.forEach((item) => {
    w.entry(item.name, item.url, [period(item, false), item.keywords?.join(', ')])
    w.paragraph(item.description)
    w.bullets(item.highlights)
    w.space()
  }),
  skills: (w, cv) => {
    const skills = shownSkills(cv).map((s) => (s.level === undefined ? s.name : `${s.name} (${levelName(s.level)})`))
    if (w.t.inlineSkills) w.paragraph(skills.join('  ·  '))
    else w.bullets(skills)
    w.space()
  },
  certificates: (w, cv) => cv.certificates.forEach((item) => {
    w.entry(item.name, item.url, [item.issuer, period({ startDate: item.date }, false)])
    w.space()
  }),
  languages: (w, cv) => {
    w.paragraph(cv.languages.map((l) => (l.fluency ? `${l.language}: ${l.fluency}` : l.language)).join('  ·  '))
    w.space()
  },
}

function header(w: Writer, cv: Cv): void {
  const { t, doc } = w
  const b = cv.basics
  w.text(b.name.trim() || 'Curriculum vitae', t.bold, t.sizes.name)
  if (b.label) w.text(b.label, t.regular, t.sizes.label, { color: MUTED })
  const contact = [b.email, b.phone, locationLine(b.location)].filter((c): c is string => Boolean(c && c.trim()))
  if (contact.length || isLink(b.url)) {
    doc.y += 3
    const line = contact.join('  ·  ')
    if (isLink(b.url)) {
      w.text(line ? `${line}  ·  ` : ' ', t.regular, t.sizes.meta, { color: MUTED, continued: true })
      doc.text(b.url, { link: b.url, continued: false })
    } else {
      w.text(line, t.regular, t.sizes.meta, { color: MUTED })
    }
  }
  if (b.summary?.trim()) {
    doc.y += 6
    w.paragraph(b.summary)
  }
}

/** The CV as a PDF (A4), built in memory. */
export function renderCvPdf(cv: Cv, options: { now?: Date } = {}): Promise<Buffer> {
  const t = TEMPLATES[cv.template]
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, lang: 'en', displayTitle: true, pdfVersion: '1.7',
    info: { Title: cv.basics.name.trim() ? `${cv.basics.name} — CV` : 'CV', Author: cv.basics.name, Creator: 'Pathways', CreationDate: options.now ?? new Date() },
  })
  for (const [name, data] of fontData()) doc.registerFont(name, data)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const w = new Writer(doc, t)
  header(w, cv)
  for (const kind of shownSections(cv)) {
    w.heading(SECTION_TITLES[kind])
    SECTIONS[kind](w, cv)
  }
  doc.end()
  return done
}
