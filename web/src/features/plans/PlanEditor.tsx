import { useState } from 'react'
import type { MessageKey } from '../../i18n/messages.ts'
import { describeError, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { closePlan, saveNow } from '../../store/plans-loaders.ts'
import { assignToActive, edit } from '../../store/plans-slice.ts'
import { renamePlan } from '../../store/plans-doc.ts'
import { AdoptDialog } from './AdoptDialog.tsx'
import { BranchList } from './BranchList.tsx'
import { ConflictDialog } from './ConflictDialog.tsx'
import { LeftoverStepper } from './LeftoverStepper.tsx'
import { PlanActions } from './PlanActions.tsx'
import { PlannerField } from './PlanList.tsx'
import { PlanSummaryBox } from './PlanSummary.tsx'
import { Toolbar } from './Toolbar.tsx'
import { useDoc, useEditable, useSaveState, type SaveState } from './plan-hooks.ts'

const SAVE_WORD: Record<SaveState, MessageKey> = {
  saved: 'plansSaved',
  saving: 'plansSaving',
  unsaved: 'plansUnsaved',
  failed: 'plansSaveFailed',
  conflict: 'plansConflictState',
}

/** 已保存 / 保存中 / 未保存 / 保存失败: never silent about a failure. */
function SaveBadge() {
  const { t, lang } = useT()
  const state = useSaveState()
  const error = useStore((s) => s.planSaveError)
  const version = useStore((s) => s.planServer?.version)
  return (
    <div className="plans-save" aria-live="polite">
      <span
        className={`plans-save-state ${state}`}
        data-testid="plan-save-state"
        data-state={state}
      >
        {t(SAVE_WORD[state])}
      </span>
      <span className="muted">v{version}</span>
      {state === 'failed' && (
        <div className="plans-error" role="alert">
          {describeError(error, lang)} {t('plansSaveKeptLocal')}{' '}
          <button type="button" className="plain-button" onClick={() => void saveNow()}>
            {t('plansSaveRetry')}
          </button>
        </div>
      )}
    </div>
  )
}

function PlanName() {
  const { t } = useT()
  const doc = useDoc()
  const editable = useEditable()
  const [text, setText] = useState<string | null>(null)
  return (
    <input
      className="plans-name"
      name="planTitle"
      aria-label={t('plansNewName')}
      value={text ?? doc.name}
      disabled={!editable}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text !== null) useStore.setState((s) => edit(s, (d) => renamePlan(d, text)))
        setText(null)
      }}
    />
  )
}

/** Compounds inside a boundary just drawn, offered for the branch. */
function OfferBanner() {
  const { t } = useT()
  const offer = useStore((s) => s.planOffer)
  if (!offer) return null
  return (
    <div className="plans-offer" role="status" data-testid="plan-offer">
      <span>{interpolate(t('plansOffer'), { n: offer.ids.length })}</span>
      <button
        type="button"
        className="plain-button"
        onClick={() =>
          useStore.setState((s) => ({
            ...assignToActive({ ...s, planActive: offer.key }, offer.ids, 'add'),
            planOffer: null,
          }))
        }
      >
        {t('plansOfferAccept')}
      </button>
      <button
        type="button"
        className="plain-button"
        onClick={() => useStore.setState({ planOffer: null })}
      >
        {t('plansOfferDismiss')}
      </button>
    </div>
  )
}

/** The editor of one plan: tools, branches with live checks, summary, leftovers, actions. */
export function PlanEditor() {
  const { t, lang } = useT()
  const editable = useEditable()
  const area = useStore((s) => s.planServer?.area.name)
  const contextFailed = useStore((s) => s.planContext.status === 'error')
  const contextError = useStore((s) =>
    s.planContext.status === 'error' ? s.planContext.error : null,
  )
  return (
    <div className="plans-editor" data-testid="plan-editor">
      <header className="plans-header">
        <button
          type="button"
          className="icon-button"
          aria-label={t('plansBack')}
          title={t('plansBack')}
          onClick={closePlan}
        >
          ←
        </button>
        <h2 id="plans-title" className="visually-hidden">
          {t('plansTitle')}
        </h2>
        <PlanName />
        <SaveBadge />
      </header>
      <p className="muted">{area}</p>
      {contextFailed && (
        <p className="plans-error" role="alert">
          {t('plansLoadFailed')}
          {t('colon')}
          {describeError(contextError, lang)}
        </p>
      )}
      {editable ? (
        <>
          <PlannerField />
          <Toolbar />
          <OfferBanner />
        </>
      ) : (
        <p className="plans-flag">{t('plansAdopted')}</p>
      )}
      <PlanSummaryBox />
      <BranchList />
      <LeftoverStepper />
      <PlanActions />
      <ConflictDialog />
      <AdoptDialog />
    </div>
  )
}
