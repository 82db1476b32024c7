/**
 * The cover-letter page: a short form to draft a letter for a career, then the letter's every
 * field to edit (a box per paragraph, one empty box to add one) and its download buttons.
 */
import type { CoverLetterDocument } from '../../server/modules/cv/cover-letter.index.js'
import type { CareerRef } from '../../shared/schemas.js'
import { CsrfField, ErrorSummary, Field } from '../ui/form.js'
import { CareerSelect, CvNav, TextArea } from './cv-parts.js'

export interface LetterProps {
  targets: readonly CareerRef[]
  csrf: string | undefined
  letter: CoverLetterDocument | undefined
  career: string | undefined
  errors: Readonly<Record<string, string>>
}

const LABELS: Record<string, string> = { career: 'Career', '/sender/email': 'Your email' }

export function LetterView({ targets, csrf, letter, career, errors }: LetterProps) {
  const fieldErrors = { fields: errors, form: [] }
  const labels = Object.fromEntries(Object.keys(errors).map((k) => [k, LABELS[k] ?? 'A field']))
  return (
    <>
      <h1>Cover letter</h1>
      <CvNav current="/cover-letter" />
      <ErrorSummary form="letter" errors={fieldErrors} labels={labels} />
      <h2 id="draft">Draft a letter</h2>
      <p>A first draft from your passport: why the career, the skills it asks for that you have, and what you are learning. Change every word.</p>
      <form method="post" action="/cover-letter" className="stack-form" noValidate>
        <CsrfField token={csrf} />
        <CareerSelect id="letter-career" targets={targets} value={career ?? letter?.career?.slug} label="The career the letter is for" error={errors.career} />
        {targets.length === 0 ? <p>Add a target career in <a href="/passport#targets">your passport</a> first.</p> : null}
        <Field form="draft" name="recipient-name" label="Who it is for (optional)" value={letter?.recipient?.name ?? ''} errors={fieldErrors} required={false} maxLength={200} />
        <Field form="draft" name="recipient-organisation" label="Organisation (optional)" value={letter?.recipient?.organisation ?? ''} errors={fieldErrors} required={false} maxLength={200} />
        <button type="submit" name="action" value="draft">{letter ? 'Draft again' : 'Draft the letter'}</button>
      </form>
      {letter ? (
        <>
          <h2 id="letter">Your letter</h2>
          <form method="post" action="/cover-letter" className="stack-form" noValidate>
            <CsrfField token={csrf} />
            <input type="hidden" name="letter-career" value={JSON.stringify(letter.career ?? null)} />
            {letter.date ? <input type="hidden" name="date" value={letter.date} /> : null}
            <input type="hidden" name="recipient-name" value={letter.recipient?.name ?? ''} />
            <input type="hidden" name="recipient-organisation" value={letter.recipient?.organisation ?? ''} />
            <Field form="letter" name="sender-name" label="Your name" value={letter.sender.name} errors={fieldErrors} required={false} maxLength={200} />
            <Field form="letter" name="sender-email" label="Your email" value={letter.sender.email ?? ''} errors={{ fields: { 'sender-email': errors['/sender/email'] ?? '' }, form: [] }} required={false} />
            <Field form="letter" name="sender-phone" label="Your phone" value={letter.sender.phone ?? ''} errors={fieldErrors} required={false} maxLength={50} />
            <Field form="letter" name="greeting" label="Greeting" value={letter.greeting} errors={fieldErrors} required={false} maxLength={300} />
            {[...letter.paragraphs, ''].map((p, i) => (
              <TextArea key={i} id={`letter-paragraph-${i}`} name="paragraph" label={i < letter.paragraphs.length ? `Paragraph ${i + 1}` : 'Add a paragraph (optional)'} value={p} rows={5} maxLength={3000} error={errors[`/paragraphs/${i}`]} />
            ))}
            <Field form="letter" name="closing" label="Closing" value={letter.closing} errors={fieldErrors} required={false} maxLength={200} />
            <Field form="letter" name="signature" label="Signature" value={letter.signature} errors={fieldErrors} required={false} maxLength={200} />
            <button type="submit" name="action" value="save">Save changes</button>
            <div className="cv-actions">
              <button type="submit" name="action" value="export:pdf">Download PDF</button>
              <button type="submit" name="action" value="export:html">Download HTML</button>
              <button type="submit" name="action" value="export:json">Download JSON</button>
            </div>
          </form>
        </>
      ) : null}
    </>
  )
}
