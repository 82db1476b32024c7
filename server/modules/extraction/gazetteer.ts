/**
 * The skill vocabulary as a trie over token stems, built once per catalog version (pure, no I/O).
 * Every name and alternative label of every skill goes in as it would be tokenized in a text, after
 * the rules of label-rules.ts; a label written as a compound ("back-end", "node.js") goes in both as
 * its words and joined ("backend"). Edges are kept in one flat map (`node id + stem` → child id):
 * the full ESCO + O*NET vocabulary is about 110,000 labels, and one Map per node would cost far more.
 */
import { isAcronymLike, isCapitalisedName, MAX_LABEL_TOKENS, STOP_LABELS, withoutQualifier } from './label-rules.js'
import { stem, tokenize, type Token } from './tokens.js'

export type Taxonomy = 'curated' | 'esco' | 'onet'

export interface VocabularySkill {
  id: string
  name: string
  taxonomy: Taxonomy
  /** ESCO concept URI, when the skill has one. */
  uri?: string
  kind: string
  altLabels: readonly string[]
}

export interface LabelEntry {
  skill: VocabularySkill
  /** The label as the vocabulary writes it. */
  label: string
  /** True for the skill's own name, false for an alternative label. */
  preferred: boolean
  /** The label's token keys, to tell an exact match from an inflected one. */
  keys: readonly string[]
  /** True when this is the joined spelling of a compound label. */
  joined: boolean
  /** When set, the text must have this one token written exactly so (rules 3 and 4). */
  caseSurface: string | null
}

export interface Gazetteer {
  /** The child of `node` along `stem`, or -1. The root is node 0. */
  child(node: number, stem: string): number
  /** Labels ending at `node`. */
  entries(node: number): readonly LabelEntry[] | undefined
  labelCount: number
  skillCount: number
}

const TAXONOMY_RANK: Record<Taxonomy, number> = { curated: 0, esco: 1, onet: 2 }
const STOP_STEMS = new Set([...STOP_LABELS].map((word) => stem(word)))

export function buildGazetteer(skills: readonly VocabularySkill[]): Gazetteer {
  const edges = new Map<string, number>()
  const ends: (LabelEntry[] | undefined)[] = [undefined]
  let labelCount = 0
  const insert = (stems: readonly string[], entry: LabelEntry) => {
    let node = 0
    for (const s of stems) {
      const edge = `${node}\u0001${s}`
      let next = edges.get(edge)
      if (next === undefined) {
        next = ends.length
        ends.push(undefined)
        edges.set(edge, next)
      }
      node = next
    }
    const list = (ends[node] ??= [])
    const same = list.findIndex((e) => e.skill.id === entry.skill.id && sameKeys(e.keys, entry.keys))
    if (same === -1) list.push(entry)
    else if (entry.preferred && !(list[same] as LabelEntry).preferred) list[same] = entry
    else return
    labelCount++
  }
  for (const skill of skills) {
    const labels = [{ text: skill.name, preferred: true }, ...skill.altLabels.map((text) => ({ text, preferred: false }))]
    for (const { text, preferred } of labels) {
      for (const variant of variantsOf(text, skill)) insert(variant.tokens.map((t) => t.stem), { skill, label: text, preferred, ...variant.entry })
    }
  }
  for (const list of ends) list?.sort(compareEntries)
  return {
    child: (node, s) => edges.get(`${node}\u0001${s}`) ?? -1,
    entries: (node) => ends[node],
    labelCount,
    skillCount: skills.length,
  }
}

interface Variant {
  tokens: readonly Pick<Token, 'stem' | 'key'>[]
  entry: Pick<LabelEntry, 'keys' | 'joined' | 'caseSurface'>
}

/** The token sequences a label is looked for as, after the label rules; none when a rule leaves it out. */
export function variantsOf(text: string, skill: Pick<VocabularySkill, 'taxonomy' | 'kind'>): Variant[] {
  const { label } = withoutQualifier(text)
  const tokens = tokenize(label)
  if (tokens.length === 0 || tokens.length > MAX_LABEL_TOKENS) return []
  if (tokens.length === 1) {
    const only = tokens[0] as Token
    if (STOP_STEMS.has(only.stem)) return [] // rule 2
    const imported = skill.taxonomy === 'esco' || (skill.taxonomy === 'onet' && skill.kind === 'technology')
    const strict = isAcronymLike(only.surface) || (imported && isCapitalisedName(only.surface))
    return [{ tokens, entry: { keys: [only.key], joined: false, caseSurface: strict ? only.surface : null } }]
  }
  const variants: Variant[] = [{ tokens, entry: { keys: tokens.map((t) => t.key), joined: false, caseSurface: null } }]
  const joined = joinTight(tokens)
  if (joined.length < tokens.length) {
    const single = joined.length === 1 ? (joined[0] as Pick<Token, 'key'>) : undefined
    // A compound joined into one word ("e-mail" → "email") is held to the one-word rules too.
    if (!(single && STOP_STEMS.has(stem(single.key)))) {
      variants.push({ tokens: joined, entry: { keys: joined.map((t) => t.key), joined: true, caseSurface: null } })
    }
  }
  return variants
}

/** Tokens glued by - . / merged into one: back-end → backend, CI/CD → cicd. */
function joinTight(tokens: readonly Token[]): Pick<Token, 'stem' | 'key'>[] {
  const out: Pick<Token, 'stem' | 'key'>[] = []
  let run = ''
  for (const token of tokens) {
    run += token.key
    if (!token.tight) {
      out.push({ key: run, stem: stem(run) })
      run = ''
    }
  }
  if (run !== '') out.push({ key: run, stem: stem(run) })
  return out
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i])

/**
 * Which of several skills a label names first: the curated catalog's own skill (it carries the ESCO
 * URI where there is one), then a skill whose name it is over one it is an alternative label of, then
 * ESCO before O*NET.
 */
function compareEntries(a: LabelEntry, b: LabelEntry): number {
  if ((a.skill.taxonomy === 'curated') !== (b.skill.taxonomy === 'curated')) return a.skill.taxonomy === 'curated' ? -1 : 1
  if (a.preferred !== b.preferred) return a.preferred ? -1 : 1
  const rank = TAXONOMY_RANK[a.skill.taxonomy] - TAXONOMY_RANK[b.skill.taxonomy]
  if (rank !== 0) return rank
  return a.skill.id < b.skill.id ? -1 : a.skill.id > b.skill.id ? 1 : 0
}
