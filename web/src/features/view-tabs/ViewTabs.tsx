import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import type { AppView } from '../../store/ui-slice.ts'
import './view-tabs.css'

const VIEWS: { view: AppView; label: MessageKey }[] = [
  { view: 'map', label: 'viewMap' },
  { view: 'ledger', label: 'viewLedger' },
  { view: 'plans', label: 'viewPlans' },
  { view: 'dashboard', label: 'viewDashboard' },
]

/** The workspace switch in the top bar: map, ledger, plans, dashboard. */
export function ViewTabs() {
  const { t } = useT()
  const view = useStore((s) => s.view)
  const setView = useStore((s) => s.setView)
  return (
    <nav className="view-tabs" aria-label={t('views')}>
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          className={v.view === view ? 'view-tab on' : 'view-tab'}
          aria-current={v.view === view ? 'page' : undefined}
          data-testid={`view-${v.view}`}
          onClick={() => setView(v.view)}
        >
          {t(v.label)}
        </button>
      ))}
    </nav>
  )
}
