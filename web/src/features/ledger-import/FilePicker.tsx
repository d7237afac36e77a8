import { useRef, useState } from 'react'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { ACCEPT, formatSize, totalSize } from './files.ts'

/** Step 1: a drop zone and a picker; lists the chosen files with their sizes. */
export function FilePicker(props: { files: File[]; onFiles: (files: File[]) => void }) {
  const { t } = useT()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const take = (list: FileList | null) => {
    if (list && list.length > 0) props.onFiles([...list])
  }
  return (
    <section className="imp-step" aria-labelledby="imp-files">
      <h3 id="imp-files">{t('impStepFiles')}</h3>
      <div
        className={over ? 'imp-drop over' : 'imp-drop'}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          take(e.dataTransfer.files)
        }}
      >
        <span>{t('impDrop')} </span>
        <button type="button" className="imp-link" onClick={() => input.current?.click()}>
          {t('impPick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="import-file-input"
          onChange={(e) => {
            take(e.currentTarget.files)
            // The same file can be chosen again after an edit on disk.
            e.currentTarget.value = ''
          }}
        />
        <p className="imp-muted">{t('impAccepts')}</p>
      </div>
      {props.files.length > 0 && (
        <div className="imp-files" data-testid="import-files">
          <ul>
            {props.files.map((f) => (
              <li key={f.name}>
                <span className="imp-file-name">{f.name}</span>
                <span className="imp-muted">{formatSize(f.size)}</span>
              </li>
            ))}
          </ul>
          <p className="imp-muted">
            {interpolate(t('impTotal'), {
              n: props.files.length,
              size: formatSize(totalSize(props.files)),
            })}
          </p>
        </div>
      )}
    </section>
  )
}
