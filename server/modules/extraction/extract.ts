/**
 * Skills named in a pasted text (a CV, a job ad), found with a gazetteer of the catalog's labels.
 * Pure, no I/O; linear in the text's length (each start position walks at most MAX_LABEL_TOKENS trie
 * levels).
 *
 * Matching is leftmost-longest: from the first token, the longest label starting there wins and the
 * scan goes on after it, so spans never overlap ("project management software" is one skill if the
 * vocabulary has it, not "project management" plus "software"). At each step a token may be read as
 * itself or, when glued to the next by - . / ("back-end"), joined with it ("backend").
 */
import type { Gazetteer, LabelEntry, VocabularySkill } from './gazetteer.js'
import { MAX_LABEL_TOKENS } from './label-rules.js'
import { singular, stem, tokenize, type Token } from './tokens.js'

export type MatchReason = 'exact label' | 'alternative label' | 'compound spelling' | 'inflected form'

export interface Mention {
  start: number
  end: number
  /** `text.slice(start, end)`: offsets are UTF-16 code units into the text as sent. */
  text: string
  reason: MatchReason
  /** The vocabulary label that matched, as the taxonomy writes it. */
  matchedLabel: string
}

export interface ExtractedSkill {
  skill: VocabularySkill
  mentions: Mention[]
  /** The best mention's reason and label. */
  reason: MatchReason
  matchedLabel: string
  score: number
}

export interface Hint {
  text: string
  start: number
  end: number
}

export interface Extraction {
  skills: ExtractedSkill[]
  unmatchedHints: Hint[]
}

/** How sure a mention is, by reason; one-word labels count a little less (more of them are ambiguous). */
const REASON_SCORE: Record<MatchReason, number> = { 'exact label': 1, 'alternative label': 0.9, 'compound spelling': 0.85, 'inflected form': 0.8 }
const REASON_RANK: Record<MatchReason, number> = { 'exact label': 0, 'alternative label': 1, 'compound spelling': 2, 'inflected form': 3 }
const SINGLE_WORD_FACTOR = 0.85
const MAX_HINTS = 20

interface Found {
  end: number
  entry: LabelEntry
  reason: MatchReason
}

export function extractSkills(text: string, gazetteer: Gazetteer): Extraction {
  const tokens = tokenize(text)
  const found: { first: number; skill: VocabularySkill; mentions: Mention[]; scores: number[] }[] = []
  const bySkill = new Map<string, (typeof found)[number]>()
  let i = 0
  while (i < tokens.length) {
    const match = longestAt(gazetteer, tokens, i)
    if (!match) {
      i++
      continue
    }
    const start = (tokens[i] as Token).start
    const end = (tokens[match.end - 1] as Token).end
    const mention: Mention = { start, end, text: text.slice(start, end), reason: match.reason, matchedLabel: match.entry.label }
    const score = REASON_SCORE[match.reason] * (match.entry.keys.length > 1 || match.end - i > 1 ? 1 : SINGLE_WORD_FACTOR)
    const known = bySkill.get(match.entry.skill.id)
    if (known) {
      known.mentions.push(mention)
      known.scores.push(score)
    } else {
      const group = { first: start, skill: match.entry.skill, mentions: [mention], scores: [score] }
      bySkill.set(match.entry.skill.id, group)
      found.push(group)
    }
    i = match.end
  }
  const skills = found.map(({ skill, mentions, scores }) => {
    const best = mentions.reduce((a, b) => (REASON_RANK[b.reason] < REASON_RANK[a.reason] ? b : a))
    // Each further mention adds a little certainty.
    const score = Math.min(1, Math.max(...scores) + 0.05 * (mentions.length - 1))
    return { skill, mentions, reason: best.reason, matchedLabel: best.matchedLabel, score: Math.round(score * 100) / 100 }
  })
  return { skills, unmatchedHints: hintsOf(text, found.flatMap((f) => f.mentions)) }
}

interface Step {
  node: number
  next: number
  keys: string[]
  joinedText: boolean
  /** The last token was an article skipped inside the label: the match cannot end here. */
  skipped: boolean
}

/**
 * Articles and possessives a text puts inside a phrase that the label does without: "manage the
 * budget" reads as the label "manage budget". Only inside a match, never at its start or end.
 */
const SKIPPABLE = new Set(['the', 'a', 'an', 'your', 'our', 'their', 'its'])

/** The longest label starting at token `i`, if any (ties: the better reason). */
function longestAt(gazetteer: Gazetteer, tokens: readonly Token[], i: number): Found | undefined {
  let best: Found | undefined
  const stack: Step[] = [{ node: 0, next: i, keys: [], joinedText: false, skipped: false }]
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (step.next > i && !step.skipped) {
      const pick = pickEntry(gazetteer.entries(step.node), tokens, i, step)
      if (pick && (!best || step.next > best.end || (step.next === best.end && REASON_RANK[pick.reason] < REASON_RANK[best.reason]))) {
        best = { end: step.next, ...pick }
      }
    }
    const token = tokens[step.next]
    if (!token || step.keys.length >= MAX_LABEL_TOKENS) continue
    if (step.next > i && !(tokens[step.next - 1] as Token).joinsNext) continue
    const child = gazetteer.child(step.node, token.stem)
    if (child >= 0) stack.push({ node: child, next: step.next + 1, keys: [...step.keys, token.key], joinedText: step.joinedText, skipped: false })
    const following = tokens[step.next + 1]
    if (token.tight && following) {
      const key = token.key + following.key
      const joined = gazetteer.child(step.node, stem(key))
      if (joined >= 0) stack.push({ node: joined, next: step.next + 2, keys: [...step.keys, key], joinedText: true, skipped: false })
    }
    if (step.next > i && !step.skipped && SKIPPABLE.has(token.key)) stack.push({ ...step, next: step.next + 1, skipped: true })
  }
  return best
}

/** The first entry (in the gazetteer's preference order) whose case rule holds, an exact one before an inflected one. */
function pickEntry(entries: readonly LabelEntry[] | undefined, tokens: readonly Token[], i: number, step: Step): Omit<Found, 'end'> | undefined {
  if (!entries) return undefined
  let fallback: LabelEntry | undefined
  for (const entry of entries) {
    if (entry.caseSurface !== null && (step.next - i !== 1 || (tokens[i] as Token).surface !== entry.caseSurface)) continue
    const exact = entry.keys.length === step.keys.length && entry.keys.every((k, n) => k === step.keys[n])
    if (exact) return { entry, reason: entry.joined || step.joinedText ? 'compound spelling' : entry.preferred ? 'exact label' : 'alternative label' }
    if (step.keys.length === 1 && !sameSingular(entry.keys[0], step.keys[0])) continue
    fallback ??= entry
  }
  return fallback ? { entry: fallback, reason: 'inflected form' } : undefined
}

/**
 * A one-word label meets only its plural or singular, not other inflections: "Test" is not "testing",
 * "bank" not "banking", "Engineer" not "engineering" — for one word the -ing form is often another noun.
 */
const sameSingular = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && singular(a) === singular(b)

/**
 * Phrases after "experience in", "knowledge of", "proficient in"… that no label matched: likely skills
 * the vocabulary lacks, offered so a person can add them by hand. Cut at the end of the clause.
 */
const CUE = /\b(?:experience (?:in|with|of)|knowledge of|skilled in|skills in|proficien(?:t|cy) (?:in|with)|familiar(?:ity)? with|expertise in|understanding of|trained in|qualified in)\s+([^.;:,!?()\n\r]{3,80})/giu

function hintsOf(text: string, mentions: readonly Mention[]): Hint[] {
  const hints: Hint[] = []
  for (const cue of text.matchAll(CUE)) {
    const phrase = (cue[1] ?? '').replace(/\s+(?:and|or|to|for|is|are|would|will|as)\b.*$/iu, '').trim()
    if (phrase.length < 3) continue
    const start = cue.index + cue[0].length - (cue[1] ?? '').length
    const end = start + phrase.length
    if (mentions.some((m) => m.start < end && start < m.end)) continue
    hints.push({ text: phrase, start, end })
    if (hints.length >= MAX_HINTS) break
  }
  return hints
}
