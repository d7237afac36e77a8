import type { StateCreator } from 'zustand'
import type { AppConfig, AreaCollection } from '../api/types.ts'
import type { Lang } from '../i18n/messages.ts'
import { idle, type Async } from './async.ts'
import type { AppState } from './index.ts'

export type BoundaryLevel = 'district' | 'street' | 'community'

/** The page's workspaces: each keeps the map and puts its own panels over it. */
export type AppView = 'map' | 'ledger' | 'dashboard' | 'plans'

export interface UiSlice {
  lang: Lang
  config: Async<AppConfig>
  boundaries: Record<BoundaryLevel, Async<AreaCollection>>
  /** A failure of the map itself (no WebGL2, style error); shown in the error banner. */
  mapError: unknown
  mapReady: boolean
  view: AppView
  setView: (view: AppView) => void
  setLang: (lang: Lang) => void
  setMapError: (error: unknown) => void
  setMapReady: (ready: boolean) => void
}

const LANG_KEY = 'yuanluo.lang'

/** The saved language, defaulting to Chinese; safe where there is no localStorage (tests). */
export function initialLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    return storage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

const storage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: initialLang(storage()),
  config: idle(),
  boundaries: { district: idle(), street: idle(), community: idle() },
  mapError: null,
  mapReady: false,
  view: 'map',
  // Leaving the map workspace closes its planning panels, so one panel owns the left side.
  setView: (view) =>
    set(
      view === 'map'
        ? { view }
        : { view, jointOpen: false, sitingOpen: false, sitingPlacing: false },
    ),
  setLang: (lang) => {
    try {
      storage()?.setItem(LANG_KEY, lang)
    } catch {
      // A locked-down browser may refuse storage; the switch still works for this visit.
    }
    set({ lang })
  },
  setMapError: (mapError) => set({ mapError }),
  setMapReady: (mapReady) => set({ mapReady }),
})
