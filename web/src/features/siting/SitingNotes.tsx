import { useT } from '../../i18n/use-t.ts'
import { translateNote } from './notes.ts'

/** The solver's remarks (time limits, bounds used, unreachable targets) in the page's language. */
export function SitingNotes({ notes }: { notes: string[] }) {
  const { t } = useT()
  if (notes.length === 0) return null
  return (
    <section className="siting-notes" aria-label={t('sitingNotesTitle')}>
      <h3>{t('sitingNotesTitle')}</h3>
      <ul>
        {notes.map((note) => (
          <li key={note} title={note}>
            {translateNote(note, t)}
          </li>
        ))}
      </ul>
    </section>
  )
}
