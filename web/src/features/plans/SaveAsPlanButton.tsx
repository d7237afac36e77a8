import { useState } from 'react'
import type { AreaRef } from '../../api/types.ts'
import { describeError } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { createPlanFrom, type PlanSeed } from '../../store/plans-loaders.ts'

/**
 * "Save into a plan" for the analysis panels: a new plan for `area` holding `seed`, opened in the
 * plans workspace. Plans are made for one street or community, so other areas disable it.
 */
export function SaveAsPlanButton({
  area,
  name,
  seed,
}: {
  area: AreaRef | null
  name: string
  seed: PlanSeed
}) {
  const { t, lang } = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const usable = area !== null && (area.level === 'street' || area.level === 'community')
  const empty = (seed.branches?.length ?? 0) + (seed.stations?.length ?? 0) === 0
  return (
    <span title={usable ? undefined : t('plansPickArea')}>
      <button
        type="button"
        className="plain-button"
        data-testid="save-as-plan"
        disabled={!usable || empty || busy}
        onClick={async () => {
          if (!area) return
          setBusy(true)
          setError(null)
          const failed = await createPlanFrom(name, area.id, seed)
          setBusy(false)
          if (failed) setError(failed.error)
        }}
      >
        {t('plansSavePlanFromDrafts')}
      </button>
      {error !== null && (
        <span className="plans-error" role="alert">
          {describeError(error, lang)}
        </span>
      )}
    </span>
  )
}
