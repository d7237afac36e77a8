import { useEffect, useRef } from 'react'
import { AreaPicker } from './features/area-picker/AreaPicker.tsx'
import { useAuth } from './features/auth/auth-state.ts'
import { AuthGate } from './features/auth/AuthGate.tsx'
import { UserMenu } from './features/auth/UserMenu.tsx'
import { Breadcrumb } from './features/area-picker/Breadcrumb.tsx'
import { DashboardView } from './features/dashboard/DashboardView.tsx'
import { LedgerView } from './features/ledger/LedgerView.tsx'
import { PlansView } from './features/plans/PlansView.tsx'
import { ViewTabs } from './features/view-tabs/ViewTabs.tsx'
import { CompoundPanel } from './features/compound-panel/CompoundPanel.tsx'
import { HeadlineStats } from './features/headline-stats/HeadlineStats.tsx'
import { JointPanel } from './features/joint-branches/JointPanel.tsx'
import { JointToggle } from './features/joint-branches/JointToggle.tsx'
import { Legend } from './features/legend/Legend.tsx'
import { SitingPanel } from './features/siting/SitingPanel.tsx'
import { SitingToggle } from './features/siting/SitingToggle.tsx'
import { ErrorBanner } from './features/status/ErrorBanner.tsx'
import { LoadingIndicator } from './features/status/LoadingIndicator.tsx'
import { HoverTooltip } from './features/tooltip/HoverTooltip.tsx'
import { useT } from './i18n/use-t.ts'
import { MapView } from './map/MapView.tsx'
import { useStore } from './store/index.ts'
import { loadInitial } from './store/loaders.ts'
import { openSharedPlan } from './store/plans-loaders.ts'
import { followAccounts } from './store/reset.ts'
import './app.css'

// A sign-out or another account forgets everything the store holds for the previous one.
followAccounts()

function LanguageSwitch() {
  const { t, lang } = useT()
  const setLang = useStore((s) => s.setLang)
  return (
    <button
      type="button"
      className="lang-switch"
      lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
      aria-label={t('language')}
      onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('switchLanguage')}
    </button>
  )
}

/**
 * The top bar's height, kept in `--topbar-h` for the panels placed below it: below 1800 px the
 * area picker and breadcrumb take a second row, and a long name or language may wrap further.
 */
function useTopbarHeight() {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    const bar = ref.current
    if (!bar || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    const observer = new ResizeObserver(() =>
      root.setProperty('--topbar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`),
    )
    observer.observe(bar)
    return () => {
      observer.disconnect()
      root.removeProperty('--topbar-h')
    }
  }, [])
  return ref
}

/** The page, once signed in (features/auth: the sign-in page while GET /api/auth/me answers 401). */
export function App() {
  // Keyed by the account: another account gets a new workspace, which starts for it (loadInitial).
  const account = useAuth((s) => s.user?.id)
  return (
    <AuthGate>
      <Workspace key={account} />
    </AuthGate>
  )
}

/** The workspace: a full-window map with the planner's panels floating over it. */
function Workspace() {
  const { t, lang } = useT()
  const joint = useStore((s) => s.jointOpen)
  const siting = useStore((s) => s.sitingOpen)
  const view = useStore((s) => s.view)
  const topbar = useTopbarHeight()
  useEffect(() => loadInitial(), [])
  useEffect(() => openSharedPlan(), [])
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = `${t('appTitle')} · ${t('appSubtitle')}`
  }, [lang, t])

  return (
    <div className="app">
      <div className="map-shell">
        <MapView />
        <HoverTooltip />
      </div>
      <header className="topbar" ref={topbar}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            院
          </span>
          <span className="brand-title">{t('appTitle')}</span>
          <span className="brand-sub">{t('appSubtitle')}</span>
        </div>
        <div className="topbar-place">
          <AreaPicker />
          <Breadcrumb />
        </div>
        <ViewTabs />
        <div className="topbar-tools">
          {view === 'map' && (
            <>
              <JointToggle />
              <SitingToggle />
            </>
          )}
          <UserMenu />
          <LanguageSwitch />
        </div>
      </header>
      {view === 'ledger' ? (
        <LedgerView />
      ) : view === 'dashboard' ? (
        <DashboardView />
      ) : view === 'plans' ? (
        <PlansView />
      ) : joint || siting ? (
        <div className="left-column planning">{siting ? <SitingPanel /> : <JointPanel />}</div>
      ) : (
        <div className="left-column">
          <HeadlineStats />
          <Legend />
        </div>
      )}
      <CompoundPanel />
      <div className="notices">
        <ErrorBanner />
        <LoadingIndicator />
      </div>
    </div>
  )
}
