/**
 * The job-description entity benchmark of Green, Maynard & Lin (LREC 2022), gold test set: reading its
 * CoNLL file and scoring predicted spans against its Skill spans. Used by bench/extraction/measure.ts
 * and the real-data test; the data itself stays in ../shared/data and is never committed.
 */
import fs from 'node:fs'
import path from 'node:path'

export const GREEN2022_DIR = 'job-description-entities-green2022'

export interface Span {
  start: number
  end: number
}

export interface GoldSentence {
  /** The sentence's tokens joined by single spaces (the corpus is pre-tokenized). */
  text: string
  /** Gold spans per entity type (Skill, Occupation, Domain, Qualification, Experience). */
  entities: Map<string, Span[]>
}

/** Reads testset.txt: one `token TAG` per line, a blank line between sentences, BIO tags. */
export function readGreen2022(dataDir: string): GoldSentence[] {
  const lines = fs.readFileSync(path.join(dataDir, GREEN2022_DIR, 'testset.txt'), 'utf8').split(/\r?\n/)
  const sentences: GoldSentence[] = []
  let words: { word: string; tag: string }[] = []
  const flush = () => {
    if (words.length > 0) sentences.push(sentenceOf(words))
    words = []
  }
  for (const line of lines) {
    const [word, tag] = line.trim().split(/\s+/)
    if (!word) flush()
    else words.push({ word, tag: tag ?? 'O' })
  }
  flush()
  return sentences
}

function sentenceOf(words: { word: string; tag: string }[]): GoldSentence {
  const entities = new Map<string, Span[]>()
  let text = ''
  let open: { type: string; span: Span } | undefined
  const close = () => {
    if (open) entities.set(open.type, [...(entities.get(open.type) ?? []), open.span])
    open = undefined
  }
  for (const { word, tag } of words) {
    if (text !== '') text += ' '
    const start = text.length
    text += word
    const [bio, type = ''] = tag.split('-', 2)
    if (bio === 'I' && open && open.type === type) open.span.end = text.length
    else {
      close()
      if (bio === 'B' || bio === 'I') open = { type, span: { start, end: text.length } }
    }
  }
  close()
  return { text, entities }
}

export interface Scores {
  predicted: number
  gold: number
  precision: number
  recall: number
  f1: number
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end
const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end

/**
 * Span-level precision and recall. `exact`: a prediction counts when a gold span has the same start
 * and end. `overlap`: a prediction counts when it overlaps a gold span, and a gold span is found when
 * a prediction overlaps it (the usual partial-match reading).
 */
export function score(pairs: readonly { predicted: readonly Span[]; gold: readonly Span[] }[], mode: 'exact' | 'overlap'): Scores {
  const hit = mode === 'exact' ? same : overlaps
  let predicted = 0, gold = 0, truePredicted = 0, foundGold = 0
  for (const pair of pairs) {
    predicted += pair.predicted.length
    gold += pair.gold.length
    truePredicted += pair.predicted.filter((p) => pair.gold.some((g) => hit(p, g))).length
    foundGold += pair.gold.filter((g) => pair.predicted.some((p) => hit(p, g))).length
  }
  const precision = predicted === 0 ? 0 : truePredicted / predicted
  const recall = gold === 0 ? 0 : foundGold / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { predicted, gold, precision, recall, f1 }
}
