/**
 * One skill: the careers that need it, most first, each with how much it needs the skill as a
 * percentage on the common scale the API uses; the same skill under other names or from another
 * dataset is listed and counted together.
 */
import type { SkillCareers, Source } from '../../shared/schemas.js'
import { skillOrigin } from '../datasets.js'
import { formatNumber } from '../format.js'
import { BROWSE_HREF, skillHref, withQuery } from '../links.js'
import { Breadcrumb } from '../ui/breadcrumb.js'
import { CareerRefList } from '../ui/career-refs.js'
import { DatasetNote } from '../ui/dataset-note.js'
import { Pager } from '../ui/pager.js'

const ORIGIN_WORDS: Record<string, string> = {
  onet: 'from O*NET',
  esco: 'from ESCO',
  catalog: 'from the Pathways catalog',
}

const KIND_WORDS: Record<string, string> = {
  technology: 'A technology',
  knowledge: 'An area of knowledge',
  specialized: 'A specialised skill',
  common: 'A common, transferable skill',
}
export const skillKindWords = (kind: string): string => KIND_WORDS[kind] ?? `A ${kind} skill`

/** `importance 80%`: weights run 0–1. */
export const importanceWords = (weight: number): string => `importance ${Math.round(weight * 100)}%`

export interface SkillPageProps {
  result: SkillCareers
  cursor: string | null
  datasets: readonly Source[]
}

export function SkillPage({ result, cursor, datasets }: SkillPageProps) {
  const { skill, sameAs, items, total, nextCursor } = result
  const here = skillHref(skill.id)
  return (
    <>
      <Breadcrumb trail={[{ text: 'Browse', href: BROWSE_HREF }, { text: 'Skills', href: `${BROWSE_HREF}#by-skill-heading` }, { text: skill.name }]} />
      <h1>Careers that need {skill.name}</h1>
      <p className="lead">
        {skillKindWords(skill.kind)}, {ORIGIN_WORDS[skillOrigin(skill.id)]}. {formatNumber(total)} {total === 1 ? 'career needs' : 'careers need'} it.
      </p>
      {sameAs.length > 0 ? (
        <div className="same-as">
          <p>The same skill under another name or from another dataset, counted together here:</p>
          <ul>
            {sameAs.map((s) => (
              <li key={s.id}>
                <a href={skillHref(s.id)}>{s.name}</a> <span className="item-meta-inline">({ORIGIN_WORDS[skillOrigin(s.id)]})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        Careers are ranked by how much they need the skill, on one scale for every source: O*NET’s importance ratings, ESCO’s
        essential (100%) and optional (50%) skills, O*NET technologies (80% when in demand, 70% when “hot”, else 50%), and the
        scores of the curated career pathways.
      </p>
      {items.length > 0 ? (
        <CareerRefList items={items} career={(item) => item.career} meta={(item) => importanceWords(item.weight)} />
      ) : (
        <p>No career in the catalog lists this skill.</p>
      )}
      <Pager label={`More careers that need ${skill.name}`} next={nextCursor ? withQuery(here, { cursor: nextCursor }) : null} first={cursor ? here : null} />
      <DatasetNote sources={datasets} />
    </>
  )
}
