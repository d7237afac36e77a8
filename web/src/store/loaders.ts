// The store's side effects: each asks the API and commits the answer through the pure Async
// transitions, so a slow old answer never overwrites a newer one and every failure is kept for
// the error banner to show with a retry.
import { isAbort } from '../api/client.ts'
import * as api from '../api/endpoints.ts'
import type { AppConfig, AreaLevel, AreaSummary, CompoundCollection, Stats } from '../api/types.ts'
import { useAuth, type SignedInUser } from '../features/auth/auth-state.ts'
import { buildParentIndex, type ParentIndex } from './area-index.ts'
import { choose, keepInside, pathOf, selectedAreaId, type PickerLevel } from './area-path.ts'
import { homePathOf, nextFocus, optionsKey, reportedAreaOf, type Home } from './area-slice.ts'
import { begin, dataOf, fail, idle, succeed, type Async } from './async.ts'
import { compoundsPlan, compoundsUrl, mapModeOf } from './compounds-slice.ts'
import { useStore, type AppState } from './index.ts'
import { byIdOf } from './selectors.ts'
import type { BoundaryLevel } from './ui-slice.ts'

interface Lens<T> {
  get: (s: AppState) => Async<T>
  put: (s: AppState, a: Async<T>) => Partial<AppState>
}

const inflight = new Map<string, AbortController>()

/** Runs one request in `slot`, cancelling the previous one in the same slot. */
export async function load<T>(
  slot: string,
  key: string,
  lens: Lens<T>,
  request: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  inflight.get(slot)?.abort()
  const controller = new AbortController()
  inflight.set(slot, controller)
  const { setState } = useStore
  setState((s) => lens.put(s, begin(lens.get(s), key)))
  try {
    const data = await request(controller.signal)
    setState((s) => lens.put(s, succeed(lens.get(s), key, data)))
    return data
  } catch (e) {
    if (!isAbort(e)) setState((s) => lens.put(s, fail(lens.get(s), key, e)))
    return undefined
  } finally {
    if (inflight.get(slot) === controller) inflight.delete(slot)
  }
}

/** Cancels the request in `slot`, if any; its Async stays as it was (see the caller). */
export function abortLoad(slot: string): void {
  inflight.get(slot)?.abort()
  inflight.delete(slot)
}

let configRequest: Promise<AppConfig | undefined> | undefined

export const loadConfig = () =>
  (configRequest = load(
    'config',
    'config',
    { get: (s) => s.config, put: (_, config) => ({ config }) },
    api.fetchConfig,
  ))

/** The server configuration, waiting for the request in flight (or making one). */
async function configReady(): Promise<AppConfig | undefined> {
  const known = dataOf(useStore.getState().config)
  if (known) return known
  return (await (configRequest ?? loadConfig())) ?? dataOf(useStore.getState().config)
}

/** A new empty list per answer, so a reload after an edit is seen as new data (use-tile-compounds). */
const noCompounds = (): CompoundCollection => ({ type: 'FeatureCollection', features: [] })

/** The latest figures request (loadStats), so the list's size check reuses it instead of asking again. */
let statsRequest: { areaId: string | null; answer: Promise<Stats | undefined> } | undefined

/** Compounds in an area: from the figures loaded or being loaded for it, else asked. */
async function compoundsIn(areaId: string, signal: AbortSignal): Promise<number> {
  const known = statsRequest?.areaId === areaId ? await statsRequest.answer : undefined
  return (known ?? (await api.fetchStats(areaId, signal))).compounds
}

/**
 * The compound list: every compound in GeoJSON mode; in tile mode the chosen area's, when it
 * holds no more than the page feature limit, else none (compoundsPlan says which and why).
 * Called again whenever the chosen area changes in tile mode (showArea).
 */
export async function loadCompounds() {
  const config = await configReady()
  const mode = mapModeOf(config)
  if (!config || !mode) return undefined // the config's failure is on the banner; its retry reloads both
  const areaId = mode === 'tiles' ? reportedAreaOf(useStore.getState()) : null
  if (useStore.getState().mapMode !== mode) useStore.setState({ mapMode: mode })
  const key = mode === 'geojson' ? 'city' : `tiles:${areaId ?? 'all'}`
  return load(
    'compounds',
    key,
    { get: (s) => s.compounds, put: (_, compounds) => ({ compounds }) },
    async (signal) => {
      const count =
        mode === 'tiles' && areaId !== null
          ? await compoundsIn(areaId, signal)
          : (config.compounds ?? 0)
      const plan = compoundsPlan(mode, areaId, count, config.pageFeatureLimit ?? Infinity)
      const url = compoundsUrl(plan)
      const data = url ? await api.fetchCompounds(url, signal) : noCompounds()
      if (!signal.aborted) useStore.setState({ compoundsPlan: plan })
      return data
    },
  )
}

export const loadBoundaries = (level: BoundaryLevel) =>
  load(
    `boundaries:${level}`,
    level,
    {
      get: (s) => s.boundaries[level],
      put: (s, a) => ({ boundaries: { ...s.boundaries, [level]: a } }),
    },
    (signal) => api.fetchAreaShapes(level, signal),
  )

/** The community → street → district links, from the light list endpoint (no geometry). */
export const loadHierarchy = () =>
  load<ParentIndex>(
    'hierarchy',
    'all',
    { get: (s) => s.hierarchy, put: (_, hierarchy) => ({ hierarchy }) },
    async (signal) => {
      const levels: AreaLevel[] = ['street', 'community']
      const lists = await Promise.all([
        allDistricts(signal),
        ...levels.map((l) => api.fetchAreas(l, undefined, signal)),
      ])
      return buildParentIndex(lists)
    },
  )

/** The picker's option lists being asked, so a second question joins the first. */
const optionsAsked = new Map<string, Promise<AreaSummary[] | undefined>>()

/**
 * Options of one picker select; answered from the store when already loaded, and by the request
 * in flight when being loaded (the boot and the picker's select ask the districts together).
 */
export function loadAreaOptions(
  level: PickerLevel,
  parent: string | null,
): Promise<AreaSummary[] | undefined> | undefined {
  const key = optionsKey(level, parent)
  const known = useStore.getState().areaOptions[key]?.status
  if (known === 'ready') return undefined
  const asked = optionsAsked.get(key)
  if (known === 'loading' && asked) return asked
  const answer = load(
    `options:${key}`,
    key,
    {
      get: (s) => s.areaOptions[key] ?? { status: 'idle' },
      put: (s, a) => ({ areaOptions: { ...s.areaOptions, [key]: a } }),
    },
    (signal) => api.fetchAreas(level, parent ?? undefined, signal),
  ).finally(() => {
    if (optionsAsked.get(key) === answer) optionsAsked.delete(key)
  })
  optionsAsked.set(key, answer)
  return answer
}

/** Every district, for the parent index: the same list as the picker's first select, asked once. */
async function allDistricts(signal: AbortSignal): Promise<AreaSummary[]> {
  const key = optionsKey('district', null)
  const known = () => {
    const a = useStore.getState().areaOptions[key]
    return a?.status === 'ready' ? a.data : undefined
  }
  return (
    known() ??
    (await loadAreaOptions('district', null)) ??
    known() ??
    api.fetchAreas('district', undefined, signal)
  )
}

export function loadStats(areaId: string | null) {
  const answer = load(
    'stats',
    areaId ?? 'city',
    { get: (s) => s.stats, put: (_, stats) => ({ stats }) },
    (signal) => api.fetchStats(areaId ?? undefined, signal),
  )
  statsRequest = { areaId, answer }
  return answer
}

/**
 * Makes `areaId` (null: the city) the area of the figures and flies the map to it. A user with a
 * jurisdiction (`home`) never leaves it: the city means home, an area outside it goes home.
 */
export async function showArea(asked: string | null): Promise<void> {
  const home = useStore.getState().home
  const areaId = asked ?? home?.id ?? null
  void loadStats(areaId)
  // In tile mode the list is the chosen area's (GeoJSON mode holds every compound already).
  if (useStore.getState().mapMode === 'tiles') void loadCompounds()
  if (areaId === null) {
    inflight.get('area')?.abort()
    useStore.setState((s) => ({
      area: { status: 'idle' },
      areaPath: [],
      focus: nextFocus(s.focus, null),
    }))
    return
  }
  const detail = await load(
    'area',
    areaId,
    { get: (s) => s.area, put: (_, area) => ({ area }) },
    (signal) => api.fetchArea(areaId, signal),
  )
  const now = useStore.getState()
  if (!detail || reportedAreaOf(now) !== areaId) return
  const full = pathOf(detail)
  // Home's own detail tells its picker path (the picker's upper levels stay fixed on it).
  const reached: Home | null =
    now.home && now.home.id === detail.id && !now.home.path ? { ...now.home, path: full } : now.home
  const path = keepInside(full, homePathOf(reached))
  if (reached && selectedAreaId(path) !== detail.id) {
    // Outside the jurisdiction (the server would refuse its figures): back home instead.
    if (reached !== now.home) useStore.setState({ home: reached })
    return showArea(reached.id)
  }
  // An area without a boundary keeps the camera where it is rather than jumping to the city.
  useStore.setState((s) => ({
    home: reached,
    areaPath: path,
    focus: detail.bbox ? nextFocus(s.focus, detail.bbox) : s.focus,
  }))
}

/** A choice in the cascading picker (kept inside the user's jurisdiction). */
export function chooseArea(level: PickerLevel, id: string | null): Promise<void> {
  const s = useStore.getState()
  const path = keepInside(choose(s.areaPath, level, id), homePathOf(s.home))
  useStore.setState({ areaPath: path })
  return showArea(selectedAreaId(path))
}

/** A click on a breadcrumb ancestor (null: the city; for a user with a jurisdiction, home). */
export function jumpToArea(id: string | null): Promise<void> {
  const s = useStore.getState()
  const path = s.areaPath
  const at = id === null ? -1 : path.indexOf(id)
  if (at < 0 && id !== null) {
    // Not on the path (a plan's area): its path comes with its detail, checked against home there.
    useStore.setState({ areaPath: [id] })
    return showArea(id)
  }
  const kept = keepInside(path.slice(0, at + 1), homePathOf(s.home))
  useStore.setState({ areaPath: kept })
  return showArea(selectedAreaId(kept))
}

/** Selects a compound (null clears) and reads its ledger. */
export function selectCompound(id: number | null) {
  useStore.setState({ selectedId: id })
  if (id === null) {
    inflight.get('detail')?.abort()
    useStore.setState({ detail: { status: 'idle' } })
    return
  }
  return load(
    'detail',
    String(id),
    { get: (s) => s.detail, put: (_, detail) => ({ detail }) },
    (signal) => api.fetchCompound(id, signal),
  )
}

/** Pointer rest before a hovered tile compound's name is read. */
const NAME_AFTER_MS = 200
/** Names kept; beyond it the cache starts again (a session rarely hovers so many). */
const NAMES_KEPT = 2000
let nameTimer: ReturnType<typeof setTimeout> | undefined

/**
 * Tile mode: tiles carry no names, so the tooltip of a compound outside the list gets its name
 * from the compound's record once the pointer rests on it; read once per compound.
 */
export function hoverTileName(id: number | null): void {
  clearTimeout(nameTimer)
  const s = useStore.getState()
  if (id === null || s.tileNames.has(id)) return
  const listed = dataOf(s.compounds)?.features
  if (listed && byIdOf(listed).has(id)) return
  nameTimer = setTimeout(() => {
    api.fetchCompound(id).then(
      (d) =>
        useStore.setState((s) => {
          const names = new Map(s.tileNames.size >= NAMES_KEPT ? [] : s.tileNames)
          names.set(id, d.name)
          return { tileNames: names }
        }),
      () => undefined, // no name in the tooltip; the click still opens the panel with its error
    )
  }, NAME_AFTER_MS)
}

/** Where a signed-in user starts: the jurisdiction, except for admins and users of the whole city. */
export function homeOf(user: SignedInUser | null): Home | null {
  const j = user?.jurisdiction
  if (!user || user.role === 'admin' || !j || j.level === 'city') return null
  return { id: j.id, name: j.name, path: null }
}

/** The sign-in the page last started for (React's StrictMode mounts the workspace twice). */
let startedFor: object | undefined
const NOBODY = {}

/**
 * Everything the page needs at start, once per sign-in: the city's lists and shapes, and the
 * figures, list and camera of the user's home (the jurisdiction; the city for admins and users
 * without one). A second call for the same sign-in asks nothing again.
 */
export function loadInitial(user: SignedInUser | null = useAuth.getState().user) {
  const signIn = user ?? NOBODY
  if (startedFor === signIn) return
  const first = startedFor === undefined
  startedFor = signIn
  const home = homeOf(user)
  // Another account signed in on this page: forget the previous one's area.
  useStore.setState((s) => ({
    home,
    ...(first
      ? {}
      : { areaPath: [], area: idle(), focus: home ? s.focus : nextFocus(s.focus, null) }),
  }))
  void loadConfig()
  if (home) void showArea(home.id)
  else void loadStats(null)
  // showArea already reloads the list in tile mode (when a previous sign-in knew the mode).
  if (!home || useStore.getState().mapMode !== 'tiles') void loadCompounds()
  void loadHierarchy()
  for (const level of ['district', 'street', 'community'] as const) void loadBoundaries(level)
  void loadAreaOptions('district', null)
}

/**
 * A change of account (reset.ts): cancels every request in flight, so no answer asked for the
 * previous account lands in the store, and forgets the requests shared between callers and the
 * sign-in the page last started for.
 */
export function forgetLoads(): void {
  for (const controller of inflight.values()) controller.abort()
  inflight.clear()
  configRequest = undefined
  statsRequest = undefined
  optionsAsked.clear()
  clearTimeout(nameTimer)
  startedFor = undefined
}
