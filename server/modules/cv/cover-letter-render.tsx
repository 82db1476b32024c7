/**
 * The cover letter's exports: a script-free HTML document with its own CSP (its stylesheet by hash,
 * nothing else loads; React escapes every text) and an in-process PDF in the CV's DejaVu Serif, so
 * the same scripts print. Download names come from the sender's name, never from input paths.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { renderToStaticMarkup } from 'react-dom/server'
import type { CoverLetter, LetterFormat } from './cover-letter.schema.js'
import { asciiStem, unicodeStem } from './file-name.js'

const STYLE = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:2rem 1.5rem;color:#1a1a1a;background:#fff;line-height:1.5;font-family:"DejaVu Serif",Georgia,serif;font-size:11pt}
.sender{margin:0 0 1.5em;padding:0;list-style:none}
.sender li:first-child{font-weight:700}
.to,.date{margin:0 0 1em}
p{margin:0 0 .9em}
@page{size:A4;margin:20mm}
@media print{body{padding:0;max-width:none}}
`
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64')

/** The document's policy (its meta tag) and, with sandbox, the download's. */
export const LETTER_HTML_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`
export const LETTER_DOWNLOAD_CSP = `${LETTER_HTML_CSP}; frame-ancestors 'none'; sandbox`

/** "2026-11-22" → "22 November 2026". */
const readableDate = (date: string): string =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

const recipientLines = (letter: CoverLetter): string[] =>
  [letter.recipient?.name, letter.recipient?.organisation].filter((l): l is string => Boolean(l?.trim()))

function LetterDocument({ letter }: { letter: CoverLetter }) {
  const s = letter.sender
  const to = recipientLines(letter)
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={LETTER_HTML_CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{s.name.trim() ? `${s.name} — cover letter` : 'Cover letter'}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <ul className="sender">
          {[s.name, s.email, s.phone].filter((l): l is string => Boolean(l?.trim())).map((line, i) => <li key={i}>{line}</li>)}
        </ul>
        {letter.date ? <p className="date">{readableDate(letter.date)}</p> : null}
        {to.length ? <p className="to">{to.join(', ')}</p> : null}
        <p>{letter.greeting}</p>
        {letter.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
        <p>{letter.closing}<br />{letter.signature}</p>
      </body>
    </html>
  )
}

export function renderLetterHtml(letter: CoverLetter): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<LetterDocument letter={letter} />)}`
}

let serif: { regular: Buffer; bold: Buffer } | undefined
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!serif) {
    const dir = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/')
    serif = { regular: fs.readFileSync(`${dir}DejaVuSerif.ttf`), bold: fs.readFileSync(`${dir}DejaVuSerif-Bold.ttf`) }
  }
  return serif
}

/** The letter as an A4 PDF with real, selectable text. */
export function renderLetterPdf(letter: CoverLetter, now: Date = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: 60, lang: 'en', displayTitle: true, pdfVersion: '1.7',
    info: { Title: letter.sender.name.trim() ? `${letter.sender.name} — cover letter` : 'Cover letter', Author: letter.sender.name, Creator: 'Pathways', CreationDate: now },
  })
  const f = fonts()
  doc.registerFont('serif', f.regular)
  doc.registerFont('serifBold', f.bold)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const s = letter.sender
  if (s.name.trim()) doc.font('serifBold').fontSize(13).text(s.name)
  doc.font('serif').fontSize(10.5)
  for (const line of [s.email, s.phone]) if (line?.trim()) doc.text(line)
  doc.moveDown(1.2)
  if (letter.date) doc.text(readableDate(letter.date)).moveDown(0.6)
  const to = recipientLines(letter)
  if (to.length) doc.text(to.join(', ')).moveDown(0.6)
  doc.fontSize(11)
  for (const p of [letter.greeting, ...letter.paragraphs]) if (p.trim()) doc.text(p, { align: 'left' }).moveDown(0.7)
  doc.text(letter.closing).text(letter.signature)
  doc.end()
  return done
}

const encodeExt = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** `attachment; filename="Ada-Lovelace-cover-letter.pdf"; filename*=…` */
export function letterDisposition(name: string, extension: LetterFormat): string {
  const ascii = `${asciiStem(name, 'letter')}-cover-letter.${extension}`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExt(`${unicodeStem(name, 'letter')}-cover-letter.${extension}`)}`
}
