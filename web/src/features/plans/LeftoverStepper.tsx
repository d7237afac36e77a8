import { useMemo } from 'react'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { bestBranchFor, leftoversOf } from '../../store/plans-checks.ts'
import { branchOf } from '../../store/plans-doc.ts'
import { attachLeftover, stepLeftover } from '../../store/plans-loaders.ts'
import { useDoc, useEditable, useRules } from './plan-hooks.ts'

/** Unassigned small compounds, one at a time, with "attach to the best neighbouring branch". */
export function LeftoverStepper() {
  const { t } = useT()
  const rc = useRules()
  const doc = useDoc()
  const editable = useEditable()
  const focused = useStore((s) => s.planLeftover)
  const list = useMemo(() => (rc ? leftoversOf(rc, doc) : []), [rc, doc])
  const at = list.findIndex((c) => c.id === focused)
  const current = at >= 0 ? list[at] : undefined
  const choice = useMemo(
    () => (rc && current ? bestBranchFor(rc, doc, current.id) : null),
    [rc, doc, current],
  )
  if (!rc) return null
  const target = choice?.key ? branchOf(doc, choice.key) : undefined
  return (
    <section className="plans-leftovers" data-testid="plan-leftovers">
      <div className="plans-section-head">
        <h3>
          {t('plansLeftovers')}{' '}
          <span className="muted" data-testid="plan-leftover-count">
            {list.length}
          </span>
        </h3>
        <span>
          <button
            type="button"
            className="plain-button"
            disabled={list.length === 0}
            onClick={() => stepLeftover(-1)}
          >
            {t('plansPrev')}
          </button>
          <button
            type="button"
            className="plain-button"
            disabled={list.length === 0}
            data-testid="plan-leftover-next"
            onClick={() => stepLeftover(1)}
          >
            {t('plansNext')}
          </button>
        </span>
      </div>
      {list.length === 0 && <p className="muted">{t('plansLeftoversNone')}</p>}
      {current && (
        <div className="plans-leftover">
          <p>
            <strong>{current.name}</strong> · {current.communityName} ·{' '}
            {interpolate(t('plansCheckValueMembers'), { value: current.members })}{' '}
            <span className="muted">
              {interpolate(t('plansLeftoverOf'), { i: at + 1, n: list.length })}
            </span>
          </p>
          {editable && (
            <button
              type="button"
              className="plain-button"
              data-testid="plan-attach"
              disabled={!target}
              title={t('plansAttachRule')}
              onClick={() => attachLeftover(current.id)}
            >
              {target
                ? interpolate(t('plansAttach'), { name: target.name })
                : t(
                    choice?.key === null && choice.why === 'none_valid'
                      ? 'plansAttachInvalid'
                      : 'plansAttachNone',
                  )}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
