import { useShallow } from 'zustand/react/shallow'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import type { AppState } from '../../store/index.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from './Spinner.tsx'

const loadingKeys = (s: AppState): MessageKey[] => {
  const keys: MessageKey[] = []
  if (s.compounds.status === 'loading' || s.compounds.status === 'idle')
    keys.push('loadingCompounds')
  if (Object.values(s.boundaries).some((b) => b.status === 'loading'))
    keys.push('loadingBoundaries')
  if (s.stats.status === 'loading') keys.push('loadingStats')
  return keys
}

/** What is still on its way, so the page is never silently empty. */
export function LoadingIndicator() {
  const { t } = useT()
  const keys = useStore(useShallow(loadingKeys))
  const failedCompounds = useStore((s) => s.compounds.status === 'error')
  const visible = keys.filter((k) => !(k === 'loadingCompounds' && failedCompounds))
  if (visible.length === 0) return null
  return (
    <div className="loading-indicator" role="status" aria-live="polite">
      <Spinner />
      <span>{visible.map((k) => t(k)).join(' ')}</span>
    </div>
  )
}
