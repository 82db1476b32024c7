/**
 * What every passport page shares: the section's navigation (current page marked), the one-line
 * confirmations shown after a redirect, the level select (0–5 with names) and source words.
 */
import { LEVEL_NAMES } from '../../server/modules/analysis/index.js'
import { Notice } from '../ui/form.js'

const LINKS = [
  { href: '/passport', text: 'Skills' },
  { href: '/passport/gaps', text: 'Gaps' },
  { href: '/passport/matches', text: 'Matches' },
  { href: '/passport/plans', text: 'Plans' },
  { href: '/passport/progress', text: 'Progress' },
  { href: '/passport/extract', text: 'Find skills in a text' },
  { href: '/cv', text: 'CV' },
  { href: '/me/cohorts', text: 'My cohorts' },
]

export function PassportNav({ current }: { current: string }) {
  return (
    <nav aria-label="Your passport" className="sub-nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href} {...(link.href === current ? { 'aria-current': 'page' as const } : {})}>{link.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

const NOTICES: Record<string, string> = {
  'skill-added': 'The skill is in your passport.',
  'skill-saved': 'The level is saved.',
  'skill-removed': 'The skill was removed from your passport.',
  'evidence-added': 'The evidence is saved with the skill.',
  'credential-added': 'The credential is in your passport, with the skills it teaches.',
  'credential-removed': 'The credential was removed from your passport.',
  'target-added': 'The career is one of your targets.',
  'target-removed': 'The career is no longer one of your targets.',
  'plan-created': 'Your plan is ready.',
  'item-done': 'Marked as done. Your passport now counts what it teaches.',
}

export function DoneNotice({ done }: { done: string | undefined }) {
  const message = done ? NOTICES[done] : undefined
  return message ? <Notice>{message}</Notice> : null
}

export const levelName = (level: number): string => LEVEL_NAMES[level] ?? String(level)

/** A labelled select of the six levels. */
export function LevelSelect({ id, label, value, visuallyHiddenLabel = false }: { id: string; label: string; value: number; visuallyHiddenLabel?: boolean }) {
  return (
    <>
      <label htmlFor={id} className={visuallyHiddenLabel ? 'visually-hidden' : undefined}>{label}</label>
      <select id={id} name="level" defaultValue={String(value)}>
        {LEVEL_NAMES.map((name, level) => <option key={level} value={String(level)}>{`${level} – ${name}`}</option>)}
      </select>
    </>
  )
}

const SOURCES: Record<string, string> = {
  self: 'Your own assessment',
  credential: 'From an earned credential',
  evidence: 'Backed by evidence',
}
export const sourceWords = (source: string): string => SOURCES[source] ?? source
