import { useMemo, useState } from 'react'
import { describeError, interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { describeChanges, type ChangeLine } from '../../store/plans-conflict.ts'
import { docOf } from '../../store/plans-doc.ts'
import { resolveConflict, type ConflictChoice } from '../../store/plans-loaders.ts'

const SAY: Record<ChangeLine['kind'], MessageKey> = {
  added: 'plansConflictAdded',
  removed: 'plansConflictRemoved',
  changed: 'plansConflictChanged',
  renamedPlan: 'plansConflictRenamed',
  stations: 'plansConflictStations',
}

function Lines({ lines }: { lines: ChangeLine[] }) {
  const { t } = useT()
  return (
    <ul className="plans-conflict-lines">
      {lines.map((l, i) => (
        <li key={i}>
          {interpolate(t(SAY[l.kind]), {
            name: l.name,
            joined: l.joined,
            left: l.left,
            n: l.joined,
          })}
        </li>
      ))}
    </ul>
  )
}

/** A save refused because someone saved first: what they changed and three ways out. */
export function ConflictDialog() {
  const { t, lang } = useT()
  const conflict = useStore((s) => s.planConflict)
  const mine = useStore((s) => s.planHistory?.present)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const theirs = useMemo(
    () => (conflict ? describeChanges(conflict.base, docOf(conflict.theirs)) : []),
    [conflict],
  )
  const ours = useMemo(
    () => (conflict && mine ? describeChanges(conflict.base, mine) : []),
    [conflict, mine],
  )
  if (!conflict) return null
  const choose = async (choice: ConflictChoice) => {
    setBusy(true)
    setError(null)
    const failed = await resolveConflict(
      choice,
      interpolate(t('plansCopyName'), { name: mine?.name ?? conflict.theirs.name }),
    )
    setBusy(false)
    if (failed) setError(failed.error)
  }
  return (
    <div className="plans-dialog-backdrop">
      <div
        className="panel plans-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="plans-conflict-title"
        data-testid="plan-conflict"
      >
        <h3 id="plans-conflict-title">{t('plansConflictTitle')}</h3>
        <p>
          {interpolate(t('plansConflictBody'), {
            who: conflict.theirs.updatedBy,
            version: conflict.theirs.version,
          })}
        </p>
        <Lines lines={theirs} />
        <p>{t('plansConflictMine')}</p>
        <Lines lines={ours} />
        <div className="plans-dialog-buttons">
          <button
            type="button"
            className="primary-button"
            disabled={busy}
            title={t('plansKeepMineHint')}
            data-testid="plan-keep-mine"
            onClick={() => void choose('mine')}
          >
            {t('plansKeepMine')}
          </button>
          <button
            type="button"
            className="plain-button"
            disabled={busy}
            title={t('plansTakeTheirsHint')}
            data-testid="plan-take-theirs"
            onClick={() => void choose('theirs')}
          >
            {t('plansTakeTheirs')}
          </button>
          <button
            type="button"
            className="plain-button"
            disabled={busy}
            title={t('plansSaveCopyHint')}
            data-testid="plan-save-copy"
            onClick={() => void choose('copy')}
          >
            {t('plansSaveCopy')}
          </button>
        </div>
        {error !== null && (
          <p className="plans-error" role="alert">
            {describeError(error, lang)}
          </p>
        )}
      </div>
    </div>
  )
}
