import { useState } from 'react'
import type { PlanBranch } from '../../api/plans-types.ts'
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { branchColor } from '../../layers/plan-palette.ts'
import { useStore } from '../../store/index.ts'
import { checksOf, verdictOf, type RuleContext, type Verdict } from '../../store/plans-checks.ts'
import { lockBranch, newBranch, removeBranch, writeReason, edit } from '../../store/plans-slice.ts'
import { setBoundary } from '../../store/plans-doc.ts'
import { checkText, useDoc, useEditable, useRules } from './plan-hooks.ts'

const VERDICT: Record<Verdict, MessageKey> = {
  ok: 'plansVerdictOk',
  reasoned: 'plansVerdictReasoned',
  needsReason: 'plansVerdictNeedsReason',
  hard: 'plansVerdictHard',
}

function ReasonField({ branch, editable }: { branch: PlanBranch; editable: boolean }) {
  const { t } = useT()
  const [text, setText] = useState(branch.reason ?? '')
  const commit = () => useStore.setState((s) => writeReason(s, branch.key, text))
  return (
    <label className="plans-reason">
      <span>{t('plansReason')}</span>
      <textarea
        name="reason"
        rows={2}
        value={text}
        disabled={!editable}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
      />
      <button type="button" className="plain-button" disabled={!editable} onClick={commit}>
        {t('plansReasonSave')}
      </button>
    </label>
  )
}

/** The rule lines of one branch, with a reason field when a warning fails. */
export function CheckLines({
  rc,
  branch,
  editable,
}: {
  rc: RuleContext
  branch: PlanBranch
  editable: boolean
}) {
  const { t } = useT()
  const lines = checksOf(rc, branch)
  const verdict = verdictOf(lines, branch.reason)
  return (
    <div className="plans-checks" data-testid="plan-checks">
      <ul>
        {lines.map((l) => {
          const [rule, value] = checkText(t, l)
          return (
            <li
              key={l.id}
              className={l.pass ? 'pass' : l.hard ? 'fail hard' : 'fail'}
              data-testid={`plan-check-${l.id}`}
              data-pass={l.pass}
            >
              <span className="plans-check-mark" aria-label={t(l.pass ? 'plansPass' : 'plansFail')}>
                {l.pass ? '✓' : '✗'}
              </span>
              <span className="plans-check-rule">{rule}</span>
              <span className="plans-check-value">{value}</span>
              <span className="plans-check-kind">{t(l.hard ? 'plansHard' : 'plansWarning')}</span>
            </li>
          )
        })}
      </ul>
      {verdict === 'hard' && <p className="plans-flag hard">{t('plansHardFail')}</p>}
      {(verdict === 'needsReason' || verdict === 'reasoned' || branch.reason) && (
        <>
          {verdict === 'needsReason' && <p className="plans-flag">{t('plansReasonNeeded')}</p>}
          <ReasonField key={branch.reason ?? ''} branch={branch} editable={editable} />
        </>
      )}
    </div>
  )
}

function BranchItem({
  branch,
  index,
  active,
}: {
  branch: PlanBranch
  index: number
  active: boolean
}) {
  const { t } = useT()
  const rc = useRules()
  const editable = useEditable()
  const setActive = useStore((s) => s.setPlanActive)
  const setTool = useStore((s) => s.setPlanTool)
  if (!rc) return null
  const lines = checksOf(rc, branch)
  const verdict = verdictOf(lines, branch.reason)
  const members = lines.find((l) => l.id === 'members_min')!.value
  const [r, g, b] = branchColor(index)
  return (
    <li
      className={active ? 'plans-branch active' : 'plans-branch'}
      data-testid="plan-branch"
      data-key={branch.key}
      data-compounds={branch.compoundIds.length}
    >
      <button type="button" className="plans-branch-head" onClick={() => setActive(branch.key)}>
        <span className="swatch" style={{ background: `rgb(${r},${g},${b})` }} aria-hidden="true" />
        <strong>{branch.name}</strong>
        {active && <span className="tag">{t('plansActive')}</span>}
        {branch.locked && <span className="tag">🔒 {t('plansLocked')}</span>}
        {branch.boundary && <span className="tag">{t('plansBoundaryFree')}</span>}
        <span className={`plans-verdict ${verdict}`}>{t(VERDICT[verdict])}</span>
        <span className="muted plans-branch-figures">
          {interpolate(t('plansBranchFigures'), { compounds: branch.compoundIds.length, members })}
        </span>
      </button>
      {active && (
        <>
          <CheckLines rc={rc} branch={branch} editable={editable} />
          {editable && (
            <div className="plans-branch-actions">
              <button
                type="button"
                className="plain-button"
                data-testid="plan-lock"
                onClick={() => useStore.setState((s) => lockBranch(s, branch.key, !branch.locked))}
              >
                {t(branch.locked ? 'plansUnlock' : 'plansLock')}
              </button>
              <button
                type="button"
                className="plain-button"
                disabled={branch.locked}
                onClick={() => setTool('boundary')}
              >
                {t('plansEditBoundary')}
              </button>
              {branch.boundary && (
                <button
                  type="button"
                  className="plain-button"
                  disabled={branch.locked}
                  onClick={() =>
                    useStore.setState((s) => edit(s, (d) => setBoundary(d, branch.key, null)))
                  }
                >
                  {t('plansClearBoundary')}
                </button>
              )}
              <button
                type="button"
                className="plain-button"
                disabled={branch.locked}
                onClick={() => useStore.setState((s) => removeBranch(s, branch.key))}
              >
                {t('plansDeleteBranch')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  )
}

/** Every branch of the plan with its verdict; the active one open with its checks. */
export function BranchList() {
  const { t } = useT()
  const doc = useDoc()
  const active = useStore((s) => s.planActive)
  const editable = useEditable()
  return (
    <section className="plans-branches" aria-label={t('plansBranches')}>
      <div className="plans-section-head">
        <h3>
          {t('plansBranches')} <span className="muted">{doc.branches.length}</span>
        </h3>
        {editable && (
          <button
            type="button"
            className="plain-button"
            data-testid="plan-new-branch"
            onClick={() => useStore.setState(newBranch)}
          >
            + {t('plansNewBranch')}
          </button>
        )}
      </div>
      {doc.branches.length === 0 && <p className="muted">{t('plansNoBranches')}</p>}
      <ol className="plans-branch-list">
        {doc.branches.map((b, i) => (
          <BranchItem key={b.key} branch={b} index={i} active={b.key === active} />
        ))}
      </ol>
    </section>
  )
}
