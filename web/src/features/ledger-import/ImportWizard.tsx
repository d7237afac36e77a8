import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { isAbort } from '../../api/client.ts'
import { fetchAreas } from '../../api/endpoints.ts'
import {
  commitImport,
  fetchImport,
  fetchMappings,
  runDryRun,
  saveMapping,
} from '../../api/ledger-import-endpoints.ts'
import type { ColumnMapping, SavedMapping } from '../../api/ledger-import-types.ts'
import type { AreaSummary } from '../../api/types.ts'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectedAreaId } from '../../store/area-path.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { loadCompounds, loadStats, selectCompound } from '../../store/loaders.ts'
import { CommitBar } from './CommitBar.tsx'
import { DryRunResult } from './DryRunResult.tsx'
import { wizardError } from './errors.ts'
import { FilePicker } from './FilePicker.tsx'
import { checkFiles } from './files.ts'
import { MappingTable } from './MappingTable.tsx'
import { SourceChoices } from './SourceChoices.tsx'
import {
  crsToSend,
  formFields,
  initialState,
  wizardReducer,
  type WizardChoices,
  type WizardState,
} from './wizard-state.ts'
import './ledger-import.css'

/** How often the page asks for a running commit's progress. */
const POLL_MS = 400

/** After a commit the map, the table and the figures show the new ledger. */
function refreshLedger() {
  void loadCompounds()
  const s = useStore.getState()
  void loadStats(selectedAreaId(s.areaPath))
  if (s.selectedId !== null) void selectCompound(s.selectedId)
}

/** The ledger import wizard: files, coordinate system, column mapping, dry run, commit. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t, lang } = useT()
  const [state, dispatch] = useReducer(wizardReducer, undefined, initialState)
  const latest = useRef<WizardState>(state)
  // Handlers read the state they run in, not the one of the render that made them.
  useLayoutEffect(() => {
    latest.current = state
  })
  const dryRun = useRef<AbortController | null>(null)
  const [saved, setSaved] = useState<SavedMapping[]>([])
  const [communities, setCommunities] = useState<AreaSummary[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const dialog = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const controller = new AbortController()
    // Both lists only help the user choose; without them the wizard still works.
    fetchMappings(controller.signal).then(setSaved, () => {})
    fetchAreas('community', undefined, controller.signal).then(
      (areas) => setCommunities([...areas].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))),
      () => {},
    )
    dialog.current?.focus()
    return () => {
      controller.abort()
      dryRun.current?.abort()
    }
  }, [])

  const run = useCallback(
    async (choices: WizardChoices, report = latest.current.report) => {
      if (choices.files.length === 0 || crsToSend(choices).invalidEpsg) return
      dryRun.current?.abort()
      const controller = new AbortController()
      dryRun.current = controller
      dispatch({ type: 'dryRunStart' })
      try {
        const fields = formFields(choices, report)
        const answer = await runDryRun(choices.files, fields, controller.signal)
        if (dryRun.current === controller) dispatch({ type: 'dryRunDone', report: answer })
      } catch (e) {
        if (isAbort(e) || dryRun.current !== controller) return
        dispatch({ type: 'dryRunFailed', error: wizardError(e, 'impErrorDryRun', lang) })
      }
    },
    [lang],
  )

  const onFiles = (files: File[]) => {
    // Refuse an oversized upload here, before sending it: a proxy may drop the connection on a
    // large body before the server's 413 reaches the page.
    const limitMb = dataOf(useStore.getState().config)?.uploadLimitMb
    const refused = checkFiles(files, lang, limitMb === undefined ? null : limitMb * 2 ** 20)
    if (refused) {
      dispatch({ type: 'refuseFiles', error: refused })
      return
    }
    dispatch({ type: 'files', files })
    setNotice(null)
    void run({ ...latest.current.choices, ...initialChoicesFor(files) }, null)
  }

  const choose = (change: Partial<WizardChoices>, rerun: boolean) => {
    dispatch({ type: 'choose', change })
    if (rerun) void run({ ...latest.current.choices, ...change })
  }

  const commit = async () => {
    const report = latest.current.report
    if (!report) return
    dispatch({ type: 'commitStart' })
    let polling = true
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS))
        if (!polling) return
        try {
          const now = await fetchImport(report.id)
          if (polling && now.status === 'committing' && now.progress)
            dispatch({ type: 'commitProgress', progress: now.progress })
        } catch {
          // The commit's own answer tells the outcome; a missed progress reading is harmless.
        }
      }
    }
    void poll()
    try {
      const done = await commitImport(report.id)
      dispatch({ type: 'commitDone', report: done })
      refreshLedger()
    } catch (e) {
      dispatch({ type: 'commitFailed', error: wizardError(e, 'impErrorCommit', lang) })
    } finally {
      polling = false
    }
  }

  const save = async (name: string, mapping: ColumnMapping) => {
    setNotice(null)
    try {
      const m = await saveMapping(name, mapping)
      setSaved((list) => [...list.filter((s) => s.name !== m.name), m])
      setNotice(interpolate(t('impSaved'), { name: m.name }))
    } catch (e) {
      dispatch({ type: 'dryRunFailed', error: wizardError(e, 'impErrorMapping', lang) })
    }
  }

  const busy = state.phase === 'running' || state.phase === 'committing'
  const done = state.phase === 'committed'
  const { error, report } = state

  // A portal, so that the dialog covers the page whatever panel renders it.
  return createPortal(
    <div className="imp-backdrop">
      <div
        className="imp-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="imp-title"
        data-testid="import-wizard"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && state.phase !== 'committing') onClose()
        }}
      >
        <header className="imp-header">
          <h2 id="imp-title">{t('impTitle')}</h2>
          <button
            type="button"
            className="imp-close"
            aria-label={t('impClose')}
            disabled={state.phase === 'committing'}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        <div className="imp-body">
          {!done && <FilePicker files={state.choices.files} onFiles={(files) => onFiles(files)} />}
          {error && (
            <div className="imp-error" role="alert" data-testid="import-error">
              <strong>{error.title}</strong>
              {error.lines.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
              {error.stale ? (
                <button type="button" onClick={() => void run(state.choices)}>
                  {t('impStaleRerun')}
                </button>
              ) : (
                state.choices.files.length > 0 && <p className="imp-muted">{t('impKept')}</p>
              )}
              <button
                type="button"
                className="imp-link"
                onClick={() => dispatch({ type: 'dismissError' })}
              >
                {t('dismiss')}
              </button>
            </div>
          )}
          {state.choices.files.length > 0 && !done && (
            <SourceChoices
              choices={state.choices}
              report={report}
              communities={communities}
              disabled={busy}
              onChange={choose}
            />
          )}
          {state.phase === 'running' && (
            <p className="imp-running" role="status" data-testid="import-running">
              {t('impRunning')}
            </p>
          )}
          {report && !done && (
            <MappingTable
              report={report}
              overrides={state.choices.overrides}
              saved={saved}
              disabled={busy}
              notice={notice}
              onMap={(column, field) => dispatch({ type: 'mapColumn', column, field })}
              onApplySaved={(mapping) => {
                dispatch({ type: 'applySaved', mapping })
                void run({
                  ...state.choices,
                  overrides: { ...state.choices.overrides, ...mapping },
                })
              }}
              onReset={() => dispatch({ type: 'resetMapping' })}
              onSave={(name, mapping) => void save(name, mapping)}
            />
          )}
          {state.dirty && !busy && (
            <div className="imp-dirty" data-testid="import-dirty">
              <span>{t('impDirty')}</span>
              <button
                type="button"
                data-testid="import-rerun"
                onClick={() => void run(state.choices)}
              >
                {t('impRerun')}
              </button>
            </div>
          )}
          {report && <DryRunResult report={report} stale={state.dirty} />}
          {report && (
            <CommitBar
              state={state}
              onCommit={() => void commit()}
              onAnother={() => dispatch({ type: 'files', files: [] })}
            />
          )}
        </div>
      </div>
    </div>,
    document.body,
  )
}

/** The choices new files start with (see the reducer's 'files'). */
const initialChoicesFor = (files: File[]): Partial<WizardChoices> => ({
  files,
  crs: 'auto',
  epsg: '',
  encoding: '',
  layer: null,
  community: '',
})
