import { formatCount, interpolate } from '../i18n/format.ts'
import { useT } from '../i18n/use-t.ts'
import { useStore } from '../store/index.ts'

/**
 * Tile mode: why a workspace that works on a list (ledger, plans) has none, when the chosen area
 * (or the whole dataset) holds more compounds than the page loads at once; null otherwise.
 */
export function useListTooLarge(): string | null {
  const { t, lang } = useT()
  const plan = useStore((s) => s.compoundsPlan)
  if (plan?.kind !== 'none') return null
  return interpolate(t(plan.areaId === null ? 'tileListTooLargeCity' : 'tileListTooLarge'), {
    count: formatCount(plan.count, lang),
    limit: formatCount(plan.limit, lang),
  })
}

/** The notice, inside the workspace's own panel (in place of its list). */
export function ListTooLargeNotice() {
  const text = useListTooLarge()
  if (!text) return null
  return (
    <p className="list-too-large" role="status" data-testid="list-too-large">
      {text}
    </p>
  )
}
