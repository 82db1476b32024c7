/**
 * The print-friendly HTML export: one complete document with its own Content-Security-Policy (no
 * script at all, only its own stylesheet by hash, no external loads), rendered with React's
 * renderToStaticMarkup, which escapes every text and attribute. Templates are code, never learner
 * input (SECURITY.md I5). Links are emitted only for http(s) URLs.
 */
import { createHash } from 'node:crypto'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Cv, SectionKind } from './cv.schema.js'
import { levelName, locationLine, period, SECTION_TITLES, shownSections, shownSkills } from './cv-layout.js'

const STYLE = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:50rem;padding:2rem 1.5rem;color:#1a1a1a;background:#fff;line-height:1.45}
body.classic{font-family:"DejaVu Serif",Georgia,"Times New Roman",serif;font-size:11pt}
body.compact{font-family:"DejaVu Sans Condensed","DejaVu Sans","Arial Narrow",Arial,sans-serif;font-size:9.5pt;line-height:1.3}
h1{margin:0;font-size:2em;font-weight:700}
.label{margin:.2em 0 0;font-size:1.15em;color:#333}
.contact{margin:.4em 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.2em 1.2em;color:#333}
.summary{margin:1em 0 0}
h2{margin:1.4em 0 .5em;padding-bottom:.15em;border-bottom:1px solid #555;font-size:1.15em;text-transform:uppercase;letter-spacing:.06em;break-after:avoid;page-break-after:avoid}
.compact h2{margin-top:1em;font-size:1.05em}
article{margin:0 0 .8em;break-inside:avoid;page-break-inside:avoid}
h3{margin:0;font-size:1em}
.meta{margin:0;color:#444;font-style:italic}
.compact .meta{font-style:normal}
ul.items{margin:.3em 0 0;padding-left:1.2em}
p{margin:.3em 0 0}
.skills{margin:0;padding:0;list-style:none;columns:2;column-gap:2em}
.skills li{break-inside:avoid}
.compact .skills{columns:1}
.compact .skills li{display:inline}
.compact .skills li:not(:last-child)::after{content:" · "}
.level{color:#444}
a{color:inherit}
@page{size:A4;margin:16mm 15mm}
@media print{body{padding:0;max-width:none}a{text-decoration:none}}
`

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64')

/** The policy of the document (its meta tag) and of the HTTP response that carries it. */
export const CV_HTML_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`

const isLink = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url)

function Linked({ url, children }: { url: string | undefined; children: ReactNode }) {
  return isLink(url) ? <a href={url} rel="nofollow noopener noreferrer">{children}</a> : <>{children}</>
}

function Lines({ items }: { items: readonly string[] | undefined }) {
  if (!items?.length) return null
  return <ul className="items">{items.map((line, i) => <li key={i}>{line}</li>)}</ul>
}

function Meta({ parts }: { parts: readonly (string | undefined)[] }) {
  const shown = parts.filter((p): p is string => Boolean(p && p.trim()))
  return shown.length ? <p className="meta">{shown.join(' · ')}</p> : null
}

const SECTIONS: { [K in SectionKind]: (cv: Cv) => ReactNode } = {
  work: (cv) => cv.work.map((w, i) => (
    <article key={i}>
      <h3><Linked url={w.url}>{w.position ? `${w.position}, ${w.name}` : w.name}</Linked></h3>
      <Meta parts={[period(w), w.location]} />
      {w.summary ? <p>{w.summary}</p> : null}
      <Lines items={w.highlights} />
    </article>
  )),
  education: (cv) => cv.education.map((e, i) => (
    <article key={i}>
      <h3><Linked url={e.url}>{e.institution}</Linked></h3>
      <Meta parts={[[e.studyType, e.area].filter(Boolean).join(', '), period(e, false), e.score]} />
      <Lines items={e.courses} />
    </article>
  )),
  projects: (cv) => cv.projects.map((p, i) => (
    <article key={i}>
      <h3><Linked url={p.url}>{p.name}</Linked></h3>
      <Meta parts={[period(p, false), p.keywords?.join(', ')]} />
      {p.description ? <p>{p.description}</p> : null}
      <Lines items={p.highlights} />
    </article>
  )),
  skills: (cv) => (
    <ul className="skills">
      {shownSkills(cv).map((s, i) => (
        <li key={i}>{s.name}{s.level !== undefined ? <span className="level"> ({levelName(s.level)})</span> : null}</li>
      ))}
    </ul>
  ),
  certificates: (cv) => cv.certificates.map((c, i) => (
    <article key={i}>
      <h3><Linked url={c.url}>{c.name}</Linked></h3>
      <Meta parts={[c.issuer, period({ startDate: c.date }, false)]} />
    </article>
  )),
  languages: (cv) => (
    <ul className="items">{cv.languages.map((l, i) => <li key={i}>{l.fluency ? `${l.language}: ${l.fluency}` : l.language}</li>)}</ul>
  ),
}

function CvDocument({ cv }: { cv: Cv }) {
  const b = cv.basics
  const contact = [b.email, b.phone, locationLine(b.location)].filter((c): c is string => Boolean(c))
  const title = b.name.trim() ? `${b.name} — CV` : 'CV'
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CV_HTML_CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body className={cv.template}>
        <header>
          <h1>{b.name.trim() || 'Curriculum vitae'}</h1>
          {b.label ? <p className="label">{b.label}</p> : null}
          {contact.length || isLink(b.url) ? (
            <ul className="contact">
              {contact.map((c, i) => <li key={i}>{c}</li>)}
              {isLink(b.url) ? <li><a href={b.url} rel="nofollow noopener noreferrer">{b.url}</a></li> : null}
            </ul>
          ) : null}
          {b.summary ? <p className="summary">{b.summary}</p> : null}
        </header>
        <main>
          {shownSections(cv).map((kind) => (
            <section key={kind} aria-labelledby={`cv-${kind}`}>
              <h2 id={`cv-${kind}`}>{SECTION_TITLES[kind]}</h2>
              {SECTIONS[kind](cv)}
            </section>
          ))}
        </main>
      </body>
    </html>
  )
}

/** The CV as a complete HTML document (UTF-8). */
export function renderCvHtml(cv: Cv): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<CvDocument cv={cv} />)}`
}
