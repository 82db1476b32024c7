/**
 * A first cover letter from a template, aligned to a career: a greeting, why this career (its title
 * and summary), two or three of the CV's skills the career asks for with the proof the CV holds
 * (a project or job naming the skill, else a certificate), the missing keywords framed as what the
 * learner is learning now, and a closing. Pure; the learner edits every word afterwards.
 */
import type { Cv, Tailoring } from './cv.schema.js'
import type { CoverLetter, Recipient } from './cover-letter.schema.js'

export interface DraftInput {
  cv: Cv
  tailoring: Tailoring
  /** The career's own one-paragraph summary. */
  careerSummary: string
  recipient?: Recipient | undefined
  /** YYYY-MM-DD */
  today?: string
}

const MATCHED = 3
const LEARNING = 3

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

const firstSentence = (text: string): string => {
  const trimmed = text.trim()
  const end = trimmed.search(/[.!?](\s|$)/)
  const sentence = end === -1 ? trimmed : trimmed.slice(0, end + 1)
  return sentence.length > 400 ? `${sentence.slice(0, 399)}…` : sentence
}

const lowerFirst = (text: string): string => (text ? text[0]!.toLowerCase() + text.slice(1) : text)

/** The proof the CV gives for a catalog skill: a project or job naming it, or null. */
function proofOf(cv: Cv, skillId: string): string | null {
  const project = cv.projects.find((p) => p.skills?.includes(skillId))
  if (project) return project.url ? `my project “${project.name}” (${project.url})` : `my project “${project.name}”`
  return null
}

function skillsParagraph(cv: Cv, tailoring: Tailoring): string | null {
  const top = tailoring.matched.slice(0, MATCHED)
  if (top.length === 0) return null
  const lines = top.map((m) => {
    const proof = proofOf(cv, m.skill)
    return proof ? `${m.name}, which ${proof} shows` : m.name
  })
  const certificates = cv.certificates.slice(0, 2).map((c) => c.name)
  const held = certificates.length ? ` I hold ${listed(certificates)}.` : ''
  return `The role asks for skills I already use: ${listed(lines)}.${held}`
}

function learningParagraph(tailoring: Tailoring): string | null {
  const next = tailoring.missingKeywords.slice(0, LEARNING).map((m) => m.name)
  if (next.length === 0) return null
  return `I am now learning ${listed(next)}, and I plan my study around what the role needs next.`
}

/** The draft letter: plain data, every field for the learner to change. */
export function draftCoverLetter(input: DraftInput): CoverLetter {
  const { cv, tailoring, recipient } = input
  const title = tailoring.career.title
  const where = recipient?.organisation?.trim() ? ` at ${recipient.organisation.trim()}` : ''
  const summary = firstSentence(input.careerSummary)
  const why = `I am writing to apply for a role as ${title}${where}.${summary ? ` I am drawn to this work because it means ${lowerFirst(summary).replace(/[.!?]$/, '')}.` : ''}`
  const paragraphs = [why, skillsParagraph(cv, tailoring), learningParagraph(tailoring),
    'Thank you for reading my application. I would welcome the chance to talk about how I could contribute.']
    .filter((p): p is string => p !== null)
    .map((p) => p.slice(0, 3000))
  const name = cv.basics.name.trim()
  return {
    sender: { name, ...(cv.basics.email ? { email: cv.basics.email } : {}), ...(cv.basics.phone ? { phone: cv.basics.phone } : {}) },
    ...(recipient && (recipient.name || recipient.organisation) ? { recipient } : {}),
    career: { slug: tailoring.career.slug, title },
    ...(input.today ? { date: input.today } : {}),
    greeting: recipient?.name?.trim() ? `Dear ${recipient.name.trim()},` : 'Dear hiring team,',
    paragraphs,
    closing: 'Kind regards,',
    signature: name,
  }
}
