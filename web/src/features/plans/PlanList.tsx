import { useEffect, useState } from 'react'
import { setPlanner, storedPlanner } from '../../api/plans-api.ts'
import type { PlanStart } from '../../api/plans-types.ts'
import { useAuth } from '../auth/auth-state.ts'
import { describeError, formatDate, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectedAreaId } from '../../store/area-path.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { createNewPlan, loadPlanList, openPlan } from '../../store/plans-loaders.ts'

/**
 * The planner's name, sent with every write and kept in this browser; only without a signed-in
 * account (the tests' header mode): with one, the server records the account as the author.
 */
export function PlannerField() {
  const { t } = useT()
  const [name, setName] = useState(storedPlanner)
  const signedIn = useAuth((s) => (s.user?.id ?? 0) > 0)
  if (signedIn) return null
  return (
    <label className="plans-field">
      <span>{t('plansPlanner')}</span>
      <input
        name="planner"
        value={name}
        title={t('plansPlannerHint')}
        onChange={(e) => {
          setName(e.target.value)
          setPlanner(e.target.value)
        }}
      />
    </label>
  )
}

/** The chosen area when it is a street or community (plans are made for one of those). */
function usePlanArea() {
  const path = useStore((s) => s.areaPath)
  const area = useStore((s) => dataOf(s.area))
  const id = selectedAreaId(path)
  if (!id || path.length < 2) return null
  return { id, name: area?.id === id ? area.name : id }
}

function NewPlanForm({ area }: { area: { id: string; name: string } }) {
  const { t, lang } = useT()
  const [name, setName] = useState('')
  const [from, setFrom] = useState<PlanStart>('empty')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const fallback = interpolate(t('plansNewNameDefault'), { area: area.name })
  const submit = async () => {
    setBusy(true)
    setError(null)
    const failed = await createNewPlan(name.trim() || fallback, area.id, from)
    setBusy(false)
    if (failed) setError(failed.error)
  }
  return (
    <form
      className="plans-new"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label className="plans-field">
        <span>{t('plansNewName')}</span>
        <input
          name="planName"
          value={name}
          placeholder={fallback}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <fieldset className="plans-from">
        <legend>{t('plansFrom')}</legend>
        {(['empty', 'candidates'] as const).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="from"
              value={f}
              checked={from === f}
              onChange={() => setFrom(f)}
            />
            {t(f === 'empty' ? 'plansFromEmpty' : 'plansFromCandidates')}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary-button" disabled={busy} data-testid="plan-create">
        {busy ? t('plansCreating') : t('plansCreate')}
      </button>
      {error !== null && (
        <p className="plans-error" role="alert">
          {describeError(error, lang)}
        </p>
      )}
    </form>
  )
}

/** The plans of the chosen area, and a form for a new one. */
export function PlanList() {
  const { t, lang } = useT()
  const area = usePlanArea()
  const list = useStore((s) => s.plansList)
  const opening = useStore((s) => s.planContext)
  useEffect(() => {
    if (area) void loadPlanList(area.id)
  }, [area?.id]) // eslint-disable-line react-hooks/exhaustive-deps
  const plans = list.status !== 'idle' && list.key === area?.id ? dataOf(list) : undefined
  return (
    <>
      <header className="plans-header">
        <h2 id="plans-title">{t('plansTitle')}</h2>
      </header>
      <p className="muted plans-intro">{t('plansIntro')}</p>
      <PlannerField />
      {opening.status === 'error' && (
        <p className="plans-error" role="alert">
          {t('plansLoadFailed')}
          {t('colon')}
          {describeError(opening.error, lang)}
        </p>
      )}
      {!area ? (
        <p className="muted" data-testid="plans-pick-area">
          {t('plansPickArea')}
        </p>
      ) : (
        <>
          <h3>{interpolate(t('plansListTitle'), { area: area.name })}</h3>
          {list.status === 'loading' && !plans && <p className="muted">{t('plansLoading')}</p>}
          {list.status === 'error' && list.key === area.id && (
            <p className="plans-error" role="alert">
              {describeError(list.error, lang)}{' '}
              <button
                type="button"
                className="plain-button"
                onClick={() => void loadPlanList(area.id)}
              >
                {t('plansRetry')}
              </button>
            </p>
          )}
          {plans && plans.length === 0 && <p className="muted">{t('plansNone')}</p>}
          <ul className="plans-list">
            {plans?.map((p) => (
              <li key={p.id} data-testid="plan-item">
                <button
                  type="button"
                  className="plans-list-open"
                  onClick={() => void openPlan(p.id)}
                >
                  <strong>{p.name}</strong>
                  <span className={`tag plans-status-${p.status}`}>
                    {t(p.status === 'adopted' ? 'plansStatusAdopted' : 'plansStatusDraft')}
                  </span>
                  <span className="muted">
                    {interpolate(t('plansListFigures'), {
                      branches: p.branches,
                      compounds: p.compounds,
                      version: p.version,
                    })}
                  </span>
                  <span className="muted">
                    {interpolate(t('plansUpdated'), {
                      who: p.updatedBy,
                      when: formatDate(p.updatedAt),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <NewPlanForm area={area} />
        </>
      )}
    </>
  )
}
