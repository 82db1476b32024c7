/**
 * The CV model (`#/components/schemas/Cv` in the OpenAPI document) and the bodies of the CV routes.
 * Field names follow JSON Resume where it has one, so the export is a plain mapping; what JSON Resume
 * lacks (skill taxonomy ids, a 0–5 level, section order and hiding, the template) is ours.
 */
import { Type, type Static } from 'typebox'
import { Passport } from '../analysis/index.js'

const strict = { additionalProperties: false } as const
const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) })
const Name = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const Lines = (maxItems: number, description: string) => Type.Array(Name(1000), { maxItems, description })
const Link = Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://', description: 'An http(s) link' })
/** JSON Resume's date: a year, a year and month, or a full date. */
const CvDate = Type.String({ pattern: '^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
const Period = { startDate: Type.Optional(CvDate), endDate: Type.Optional(CvDate) }

export const SECTION_KINDS = ['work', 'education', 'projects', 'skills', 'certificates', 'languages'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]
const SectionKindSchema = Type.Union([
  Type.Literal('work'), Type.Literal('education'), Type.Literal('projects'), Type.Literal('skills'), Type.Literal('certificates'), Type.Literal('languages'),
])

export const CvLocation = Type.Object({
  city: Type.Optional(Text(100)),
  region: Type.Optional(Text(100)),
  countryCode: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
}, strict)

export const CvBasics = Type.Object({
  name: Text(200, 'Shown as the CV\'s title; empty until the learner gives one'),
  label: Type.Optional(Text(200, 'A one-line headline, e.g. "Junior back-end developer"')),
  email: Type.Optional(Type.String({ maxLength: 254, format: 'email' })),
  phone: Type.Optional(Text(50)),
  url: Type.Optional(Link),
  summary: Type.Optional(Text(2000, 'The learner\'s own words; tailoring never overwrites it')),
  location: Type.Optional(CvLocation),
}, strict)

export const CvWork = Type.Object({
  name: Name(200, 'Employer or organisation'),
  position: Type.Optional(Text(200)),
  location: Type.Optional(Text(200)),
  url: Type.Optional(Link),
  ...Period,
  summary: Type.Optional(Text(2000)),
  highlights: Type.Optional(Lines(20, 'Achievements, one per line')),
}, strict)

export const CvEducation = Type.Object({
  institution: Name(200),
  area: Type.Optional(Text(200, 'Field of study')),
  studyType: Type.Optional(Text(100, 'Degree or programme type')),
  url: Type.Optional(Link),
  ...Period,
  score: Type.Optional(Text(50)),
  courses: Type.Optional(Lines(30, 'Courses worth naming')),
}, strict)

export const CvProject = Type.Object({
  name: Name(200),
  description: Type.Optional(Text(4000)),
  url: Type.Optional(Link),
  ...Period,
  highlights: Type.Optional(Lines(20, 'What it shows, one per line')),
  keywords: Type.Optional(Type.Array(Name(100), { maxItems: 30 })),
  skills: Type.Optional(Type.Array(Name(300), { maxItems: 30, description: 'Catalog skill ids this project is evidence for' })),
}, strict)

export const SkillIds = Type.Object({
  catalog: Type.Optional(Name(300, 'The Pathways catalog skill id')),
  esco: Type.Optional(Type.String({ maxLength: 300, pattern: '^https?://data\\.europa\\.eu/esco/skill/[^\\s]+$', description: 'ESCO skill URI' })),
  onet: Type.Optional(Type.String({ maxLength: 50, pattern: '^[0-9A-Za-z.]+$', description: 'O*NET content-model element id' })),
}, { ...strict, description: 'Taxonomy ids, kept through every export so a skill stays linked' })

export const CvSkill = Type.Object({
  name: Name(300),
  level: Type.Optional(Type.Integer({ minimum: 0, maximum: 5, description: 'The passport scale: 0 none … 5 expert' })),
  keywords: Type.Optional(Type.Array(Name(100), { maxItems: 30 })),
  ids: Type.Optional(SkillIds),
  hidden: Type.Optional(Type.Boolean({ description: 'Kept in the CV but not shown' })),
}, strict)

export const CvCertificate = Type.Object({
  name: Name(300),
  issuer: Type.Optional(Text(200)),
  date: Type.Optional(CvDate),
  url: Type.Optional(Link),
  credential: Type.Optional(Name(200, 'The catalog credential id')),
}, strict)

export const CvLanguage = Type.Object({
  language: Name(100),
  fluency: Type.Optional(Text(100)),
}, strict)

export const CvLayout = Type.Object({
  order: Type.Optional(Type.Array(SectionKindSchema, { maxItems: SECTION_KINDS.length, uniqueItems: true, description: 'Section order; sections left out follow in the default order' })),
  hidden: Type.Optional(Type.Array(SectionKindSchema, { maxItems: SECTION_KINDS.length, uniqueItems: true, description: 'Sections kept but not shown' })),
}, strict)

export const Cv = Type.Object({
  template: Type.Union([Type.Literal('classic'), Type.Literal('compact')], { description: 'classic: serif, one column, generous spacing; compact: condensed sans, skills inline, two pages hold more' }),
  basics: CvBasics,
  work: Type.Array(CvWork, { maxItems: 50 }),
  education: Type.Array(CvEducation, { maxItems: 30 }),
  projects: Type.Array(CvProject, { maxItems: 50 }),
  skills: Type.Array(CvSkill, { maxItems: 300 }),
  certificates: Type.Array(CvCertificate, { maxItems: 100 }),
  languages: Type.Array(CvLanguage, { maxItems: 30 }),
  layout: Type.Optional(CvLayout),
  career: Type.Optional(Name(300, 'The career the CV was last tailored to (a slug)')),
}, { ...strict, $id: 'Cv', title: 'Cv', description: 'A CV: basics, sections the learner edits, orders and hides, and a template. Skills keep their taxonomy ids.' })

export const CV_FORMATS = ['json-resume', 'html', 'pdf'] as const
export type CvFormat = (typeof CV_FORMATS)[number]
export const CvFormatSchema = Type.Union([Type.Literal('json-resume'), Type.Literal('html'), Type.Literal('pdf')], { description: 'json-resume (JSON Resume 1.x with an x-pathways extension), html (a print-ready document) or pdf' })

const CareerKey = Name(300, 'A career slug or official code: skills are ordered by its importance, missing ones flagged, a summary suggested')
const Template = Type.Union([Type.Literal('classic'), Type.Literal('compact')])
const PassportBasics = Type.Partial(CvBasics, strict)

/** Either a CV, or a passport to build one from (with the basics the passport does not hold). */
const Source = {
  cv: Type.Optional(Cv),
  passport: Type.Optional(Passport),
  basics: Type.Optional(PassportBasics),
  template: Type.Optional(Template),
  career: Type.Optional(CareerKey),
}

export const RenderBody = Type.Object({ ...Source, format: CvFormatSchema }, strict)
export const TailorBody = Type.Object(Source, strict)

export const MissingKeyword = Type.Object({
  skill: Type.String({ description: 'Catalog skill id' }),
  name: Type.String(),
  weight: Type.Number({ description: 'How much the career values it, 0–1' }),
  esco: Type.Optional(Type.String()),
})

export const Tailoring = Type.Object({
  career: Type.Object({ slug: Type.String(), title: Type.String() }),
  matched: Type.Array(MissingKeyword, { description: 'CV skills the career asks for, heaviest first' }),
  missingKeywords: Type.Array(MissingKeyword, { description: 'Skills the career expects that the CV lacks, heaviest first (at most 15)' }),
  summarySuggestion: Type.String({ description: 'A one-line summary from the career title and the top matched skills, for the learner to edit' }),
})

export const TailorAnswer = Type.Object({
  cv: Type.Unsafe<Static<typeof Cv>>({ $ref: 'Cv' }),
  tailoring: Type.Union([Tailoring, Type.Null()], { description: 'null without a career' }),
})

export type Cv = Static<typeof Cv>
export type CvBasics = Static<typeof CvBasics>
export type CvSkill = Static<typeof CvSkill>
export type CvProject = Static<typeof CvProject>
export type Tailoring = Static<typeof Tailoring>
export type MissingKeyword = Static<typeof MissingKeyword>
export type RenderBody = Static<typeof RenderBody>
export type TailorBody = Static<typeof TailorBody>
