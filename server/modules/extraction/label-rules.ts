/**
 * Which labels of the vocabulary may be looked for in free text, and how strictly. Each rule is here
 * with its reason; the gazetteer applies them once per catalog version.
 *
 * 1. A trailing qualifier in brackets is dropped: "Python (computer programming)" is looked for as
 *    "Python" — nobody writes the qualifier in a CV.
 * 2. One-word labels that are everyday English words are not looked for (STOP_LABELS): ESCO gives
 *    "lead", "design", "data" and "form" as alternative labels of broad skills; in a text these words
 *    are almost never that skill. One-word names of a field or an activity ("marketing", "welding",
 *    "reporting", "management") are kept: in a CV or an ad they are the skill.
 * 3. One-word labels of fewer than three characters, and one-word labels written in capitals (SQL,
 *    AWS, C, R, HR), match only with the same capitals: "c" and "r" are letters, "aws" and "it" words.
 * 4. A one-word label that ESCO, or O*NET's technology list, writes with a capital ("Swift",
 *    "Scratch", "Unity", "French") matches only with its capital: in lower case these are ordinary
 *    words ("from scratch"). Curated labels are exempt: they are ours, and "python" in lower case
 *    is still Python. Names that are English words even with a capital ("Access", "Source") are in
 *    STOP_LABELS.
 * 5. Labels longer than MAX_LABEL_TOKENS words are left out: they are definitions, not names, and no
 *    text repeats them word for word; the bound also keeps matching linear in the text's length.
 */

export const MAX_LABEL_TOKENS = 8

/**
 * Everyday English words that are labels (or alternative labels) of some skill but mean something
 * else, or nothing specific, when they stand alone in a text. Written by hand from the vocabulary's
 * one-word labels (never from the evaluation data); compared by stem, so plurals and -ing forms go too.
 */
export const STOP_LABELS: ReadonlySet<string> = new Set([
  // bare verbs that ESCO gives as alternative labels of broad skills ("lead" → lead others)
  'lead', 'manage', 'guide', 'plan', 'decide', 'choose', 'conduct', 'report', 'schedule', 'survey', 'draw', 'clean',
  'detect', 'delegate', 'amuse', 'delight', 'persist', 'climb', 'press', 'reserve', 'purchase', 'cooperate', 'bake',
  'sing', 'dance', 'swim', 'ski', 'tie', 'chant', 'croon', 'invent', 'innovate', 'lecture', 'experiment', 'paint',
  'weld', 'improvise', 'decompress', 'reconstruct', 'superintend', 'verbalise', 'empathise', 'embroider', 'declaim',
  'bargain', 'support', 'assist', 'maintain', 'monitor', 'develop', 'build', 'create', 'write', 'speak', 'read',
  // everyday things and qualities that ESCO lists under a skill ("form", "space" → design principles)
  'data', 'design', 'form', 'space', 'scale', 'balance', 'colour', 'color', 'shade', 'texture', 'symmetry', 'proportion',
  'board', 'chip', 'current', 'light', 'iron', 'gold', 'silver', 'coal', 'clay', 'dust', 'fuel', 'hair', 'pole', 'term',
  'standard', 'integrity', 'confidence', 'interaction', 'argument', 'computer', 'equipment', 'language', 'lingo',
  'rights', 'moral', 'political', 'politic', 'honour', 'decency', 'patterns', 'frames', 'collections', 'dies',
  'breaking', 'warnings', 'sounds', 'curiosity', 're', 'it',
  // languages: "English" or "French" in an ad is usually the language of the job, not a requirement
  'english',
  // product and language names that are English words ("Access", "Source", "Unity", "Swift")
  'route', 'source', 'access', 'square', 'zoom', 'loom', 'seesaw', 'velvet', 'cyclone', 'scheme', 'forth', 'magic',
  'harvest', 'hack', 'rage', 'salt', 'curl', 'absorb', 'canvas', 'eclipse', 'trojan',
  'diameter', 'excavator', 'ferret', 'blink', 'dig', 'algae', 'cents', 'travis', 'chef', 'puppet', 'mocha', 'hotspot',
  'honeypot',
])

/** A bracketed qualifier at the end of a label: "Unity (digital game creation systems)". */
const QUALIFIER = /\s*\([^()]*\)\s*$/u

export function withoutQualifier(label: string): { label: string; qualified: boolean } {
  const stripped = label.replace(QUALIFIER, '')
  return stripped !== label && stripped.trim() !== '' ? { label: stripped.trim(), qualified: true } : { label, qualified: false }
}

/** Rule 3: the written form must be matched exactly (capitals and all). */
export function isAcronymLike(surface: string): boolean {
  const letters = surface.replace(/[^\p{L}]/gu, '')
  if (surface.length < 3) return true
  return letters.length > 0 && letters === letters.toUpperCase() && surface.length <= 6
}

/** Rule 4: a capitalised single word of an imported product or language name. */
export function isCapitalisedName(surface: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(surface)
}
