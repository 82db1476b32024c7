/**
 * The `attributes` of an O*NET career: its job zone (with the zone's reference texts), the education,
 * experience and training respondents reported (percent per category), and its RIASEC interest scores.
 */
import { ImportInputError } from '../../import-types.js'
import { integerField, numberField, text } from '../shared/fields.js'
import type { ImportRun } from '../shared/import-run.js'
import { COLUMNS, ONET } from './onet-files.js'
import { occupationOf, type Occupations } from './onet-occupations.js'

export interface JobZone {
  zone: number; name: string; education: string; experience: string; training: string; examples: string
}
export interface CategoryShare { category: number; label: string; percent: number }
export type RiasecCode = 'R' | 'I' | 'A' | 'S' | 'E' | 'C'
export interface Interest { code: RiasecCode; name: string; score: number }

export interface OnetProfile {
  jobZone: JobZone | null
  education: CategoryShare[]
  relatedExperience: CategoryShare[]
  onSiteTraining: CategoryShare[]
  onTheJobTraining: CategoryShare[]
  interests: Interest[]
}
type ShareList = 'education' | 'relatedExperience' | 'onSiteTraining' | 'onTheJobTraining'

/** ETE scales kept, and the attribute each fills (IM-scaled certification/apprenticeship rows are not). */
const ETE_SCALES: Readonly<Record<string, ShareList>> = {
  RL: 'education', RW: 'relatedExperience', PT: 'onSiteTraining', OJ: 'onTheJobTraining',
}
/** Interest elements on the OI scale, in RIASEC order (the order interests are listed in). */
const RIASEC: Readonly<Record<string, RiasecCode>> = {
  '1.B.1.a': 'R', '1.B.1.b': 'I', '1.B.1.c': 'A', '1.B.1.d': 'S', '1.B.1.e': 'E', '1.B.1.f': 'C',
}
const RIASEC_ORDER = 'RIASEC'

export function emptyProfile(): OnetProfile {
  return { jobZone: null, education: [], relatedExperience: [], onSiteTraining: [], onTheJobTraining: [], interests: [] }
}

/** Reads the five profile files into one profile per occupation code (occupations without data stay empty). */
export async function readProfiles(run: ImportRun, occupations: Occupations): Promise<Map<string, OnetProfile>> {
  const profiles = new Map<string, OnetProfile>()
  const profileOf = (code: string): OnetProfile => {
    let profile = profiles.get(code)
    if (!profile) profiles.set(code, (profile = emptyProfile()))
    return profile
  }
  const zones = await readJobZoneReference(run)
  for await (const row of run.rows(ONET.jobZones, COLUMNS.jobZones)) {
    const { code } = occupationOf(occupations, row)
    const zone = zones.get(integerField(row, 'Job Zone'))
    if (!zone) throw new ImportInputError(row.file, `job zone "${text(row, 'Job Zone')}" is not in ${ONET.jobZoneReference}`, row.line)
    profileOf(code).jobZone = zone
  }
  const labels = await readCategoryLabels(run)
  for await (const row of run.rows(ONET.ete, COLUMNS.ete)) {
    const { code } = occupationOf(occupations, row)
    const scale = text(row, 'Scale ID')
    const list = ETE_SCALES[scale]
    if (list === undefined) continue
    const category = integerField(row, 'Category')
    const label = labels.get(`${scale}/${category}`)
    if (label === undefined) throw new ImportInputError(row.file, `category ${category} of scale ${scale} is not in ${ONET.eteCategories}`, row.line)
    profileOf(code)[list].push({ category, label, percent: numberField(row, 'Data Value') })
  }
  for await (const row of run.rows(ONET.interests, COLUMNS.interests)) {
    const { code } = occupationOf(occupations, row)
    const riasec = RIASEC[text(row, 'Element ID')]
    if (text(row, 'Scale ID') !== 'OI' || riasec === undefined) continue
    profileOf(code).interests.push({ code: riasec, name: text(row, 'Element Name'), score: numberField(row, 'Data Value') })
  }
  for (const profile of profiles.values()) sortProfile(profile)
  return profiles
}

/** Lists in a fixed order whatever the file order: categories ascending, interests R-I-A-S-E-C. */
export function sortProfile(profile: OnetProfile): void {
  for (const list of Object.values(ETE_SCALES)) profile[list].sort((a, b) => a.category - b.category)
  profile.interests.sort((a, b) => RIASEC_ORDER.indexOf(a.code) - RIASEC_ORDER.indexOf(b.code))
}

async function readJobZoneReference(run: ImportRun): Promise<Map<number, JobZone>> {
  const zones = new Map<number, JobZone>()
  for await (const row of run.rows(ONET.jobZoneReference, COLUMNS.jobZoneReference)) {
    const zone = integerField(row, 'Job Zone')
    zones.set(zone, {
      zone, name: text(row, 'Name'), education: text(row, 'Education'), experience: text(row, 'Experience'),
      training: text(row, 'Job Training'), examples: text(row, 'Examples'),
    })
  }
  return zones
}

/** Labels keyed `scale/category`. */
async function readCategoryLabels(run: ImportRun): Promise<Map<string, string>> {
  const labels = new Map<string, string>()
  for await (const row of run.rows(ONET.eteCategories, COLUMNS.eteCategories)) {
    // Category 1 of RW and PT is blank in the text release; the Excel release and the data dictionary say "None".
    labels.set(`${text(row, 'Scale ID')}/${integerField(row, 'Category')}`, text(row, 'Category Description') || 'None')
  }
  return labels
}
