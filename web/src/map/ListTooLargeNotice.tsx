import { formatCount, interpolate } from '../i18n/format.ts'
import { useT } from '../i18n/use-t.ts'
import { useStore } from '../store/index.ts'

/**
 * Tile mode: the workspaces that work on a list (ledger, plans) say why it is empty when the
 * chosen area (or the whole dataset) holds more compounds than the page loads at once.
 */
export function ListTooLargeNotice() {
  const { t, lang } = useT()
  const plan = useStore((s) => s.compoundsPlan)
  const view = useStore((s) => s.view)
  if (plan?.kind !== 'none' || (view !== 'ledger' && view !== 'plans')) return null
  const text = interpolate(t(plan.areaId === null ? 'tileListTooLargeCity' : 'tileListTooLarge'), {
    count: formatCount(plan.count, lang),
    limit: formatCount(plan.limit, lang),
  })
  return (
    <div className="list-too-large" role="status" data-testid="list-too-large">
      {text}
    </div>
  )
}
