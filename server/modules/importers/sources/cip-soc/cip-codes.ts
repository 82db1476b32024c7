/**
 * CIP codes as they appear in NCES files: `01.0000` in the crosswalk, `="01.0000"` in CIPCode2020.csv
 * (Excel's keep-as-text trick), and `1` or `1.01` when a spreadsheet has turned a code into a number and
 * dropped its zeros. All become `NN.NNNN`.
 */

/** Strips Excel's `="…"` wrapper and any quotes left around the value. */
export function unwrapExcelText(text: string): string {
  return text.trim().replace(/^="?/, '').replace(/"$/, '').replace(/^"/, '').trim()
}

/**
 * A six-digit CIP code in `NN.NNNN` form, or null when the text is not one. Digits are padded (leading
 * zeros of the family, trailing zeros of the detail) because a number such as 1.1 can only be 01.1000.
 */
export function normaliseCip(text: string): string | null {
  const match = /^(\d{1,2})(?:\.(\d{1,4}))?$/.exec(unwrapExcelText(text))
  if (!match) return null
  return `${(match[1] ?? '').padStart(2, '0')}.${(match[2] ?? '').padEnd(4, '0')}`
}

/**
 * A code of CIPCode2020.csv, only when it already has six digits: that file also lists two-digit families
 * (`01`) and four-digit series (`01.01`), which padding would turn into codes that do not exist.
 */
export function sixDigitCip(text: string): string | null {
  const code = unwrapExcelText(text)
  return /^\d{2}\.\d{4}$/.test(code) ? code : null
}
