import { formatCount, interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { commitBlocker, progressShare, type WizardState } from './wizard-state.ts'

const WHY: Partial<Record<NonNullable<ReturnType<typeof commitBlocker>>, MessageKey>> = {
  dirty: 'impWhyDirty',
  blocking: 'impWhyBlocking',
  nothing: 'impWhyNothing',
  stale: 'impWhyStale',
  noReport: 'impWhyNoReport',
}

/** Step 5: the commit button (only without blocking problems), its progress and result. */
export function CommitBar(props: {
  state: WizardState
  onCommit: () => void
  onAnother: () => void
}) {
  const { t, lang } = useT()
  const { state } = props
  const blocker = commitBlocker(state)
  const why = blocker ? WHY[blocker] : undefined
  const commit = state.report?.commit
  return (
    <section className="imp-step imp-commit" aria-labelledby="imp-commit">
      <h3 id="imp-commit">{t('impStepCommit')}</h3>
      {state.phase === 'committing' && state.progress && (
        <div className="imp-progress" data-testid="import-progress">
          <div
            className="imp-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={state.progress.total}
            aria-valuenow={state.progress.processed}
          >
            <div style={{ width: `${(progressShare(state.progress) * 100).toFixed(1)}%` }} />
          </div>
          <span>
            {interpolate(t('impProgress'), {
              processed: formatCount(state.progress.processed, lang),
              total: formatCount(state.progress.total, lang),
            })}
          </span>
        </div>
      )}
      {state.phase === 'committed' && commit ? (
        <div className="imp-row">
          <p className="imp-ok" role="status" data-testid="import-committed">
            {interpolate(t('impCommitted'), {
              created: formatCount(commit.created, lang),
              updated: formatCount(commit.updated, lang),
            })}
          </p>
          <button type="button" onClick={props.onAnother}>
            {t('impAnother')}
          </button>
        </div>
      ) : (
        <div className="imp-row">
          <button
            type="button"
            className="imp-primary"
            data-testid="import-commit"
            disabled={blocker !== null}
            onClick={props.onCommit}
          >
            {state.phase === 'committing' ? t('impCommitting') : t('impCommit')}
          </button>
          {why && <span className="imp-muted">{t(why)}</span>}
        </div>
      )}
    </section>
  )
}
