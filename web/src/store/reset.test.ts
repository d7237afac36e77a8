// A change of account on one page (store/reset.ts): the previous account's scorecards, lists,
// plans, analyses and choices are forgotten on sign-out and when another account signs in, an
// answer still on its way for the previous account never lands, and the next account's start
// (loaders.ts loadInitial) asks its own figures once, as on a fresh page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signOut, useAuth, whenSigningOut, type SignedInUser } from '../features/auth/auth-state.ts'
import { AREAS, CITY } from './area-fixtures.ts'
import { loadScorecardCompounds } from './dashboard-loaders.ts'
import { useStore, type AppState } from './index.ts'
import { chooseArea, loadInitial, selectCompound } from './loaders.ts'
import { KEPT_ACROSS_ACCOUNTS, accountChanged, followAccounts, resetForNewUser } from './reset.ts'

/** Scorecards as the server scopes them: the city's 10 compounds, or the street's 3 (ids 1–3). */
const scorecards = (area: string | null) =>
  Array.from({ length: area === '510104001' ? 3 : 10 }, (_, i) => ({ id: i + 1 }))

let asked: string[] = []
/** Answers held back until released (path → release), to test answers arriving late. */
let holding: Set<string> = new Set()
const held: Array<() => void> = []

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input), 'http://page.test')
  asked.push(url.pathname + url.search)
  if (holding.has(url.pathname)) {
    await new Promise<void>((release, reject) => {
      held.push(release)
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      )
    })
  }
  await Promise.resolve()
  const path = url.pathname
  const area = url.searchParams.get('area')
  if (path === '/api/config') return json({ basemap: { kind: 'plain' }, pageFeatureLimit: 60000 })
  if (path === '/api/config/compounds') return json({ compounds: 10 })
  if (path === '/api/compounds') return json({ type: 'FeatureCollection', features: [] })
  if (path === '/api/stats') return json({ area: area ? AREAS[area] : CITY, compounds: 10 })
  // The server puts the session's jurisdiction in place of a missing area (query-area scope).
  const scope = useAuth.getState().user?.jurisdiction?.id ?? null
  if (path === '/api/scorecard/compounds') return json({ compounds: scorecards(area ?? scope) })
  if (path.startsWith('/api/compounds/')) return json({ id: Number(path.split('/').pop()) })
  if (path.startsWith('/api/areas/')) return json(AREAS[path.slice('/api/areas/'.length)])
  if (path === '/api/areas' && url.searchParams.get('format') === 'geojson')
    return json({ type: 'FeatureCollection', features: [] })
  if (path === '/api/areas') {
    const level = url.searchParams.get('level')
    return json({
      areas: Object.values(AREAS).filter((a) => (a as { level: string }).level === level),
    })
  }
  if (path.startsWith('/api/auth/')) return json({})
  return new Response('{}', { status: 404 })
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

const ADMIN: SignedInUser = {
  id: 1,
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  jurisdiction: null,
}
const PLANNER: SignedInUser = {
  id: 2,
  username: 'street',
  displayName: '街道规划员',
  role: 'planner',
  jurisdiction: { id: '510104001', name: '平营街道', level: 'street' },
}

const signIn = (user: SignedInUser) =>
  useAuth.setState({ status: 'signed-in', user, mode: 'required', error: null })

const scorecardCount = () => {
  const a = useStore.getState().dashCompounds
  return a.status === 'ready' ? a.data.length : null
}

const mapsAsLists = (_: string, v: unknown) => (v instanceof Map ? [...v] : v)

/** Keys whose value differs from the store's initial state. */
const changedKeys = (s: AppState = useStore.getState()) => {
  const initial = useStore.getInitialState()
  return (Object.keys(initial) as (keyof AppState)[]).filter(
    (k) => JSON.stringify(s[k], mapsAsLists) !== JSON.stringify(initial[k], mapsAsLists),
  )
}

/** What an admin leaves behind in every workspace: loaded, chosen and typed. */
async function adminUsedThePage() {
  signIn(ADMIN)
  loadInitial(ADMIN)
  await settle()
  await chooseArea('district', '510104')
  await loadScorecardCompounds()
  await selectCompound(7)
  useStore.setState({
    view: 'dashboard',
    lang: 'en',
    hiddenStatuses: ['standalone'],
    tileNames: new Map([[7, '幸福小区']]),
    ledgerColumns: { status: 'ready', key: 'city', data: { ids: [7] } as never },
    ledgerQuery: '幸福',
    plansList: { status: 'ready', key: '510104', data: [{ id: 4 }] as never },
    jointRun: { status: 'ready', key: 'r', data: { candidates: [] } as never },
    jointDrafts: [{ key: 'd', compoundIds: [7] } as never],
    sitingPoints: [[104.06, 30.61]],
    sitingRun: { status: 'ready', key: 'r', data: { chosen: [] } as never },
    dashWeight: 'households',
  })
  await settle()
}

beforeEach(() => {
  asked = []
  holding = new Set()
  held.length = 0
  vi.stubGlobal('fetch', vi.fn(fakeFetch))
  useStore.setState(useStore.getInitialState(), true)
  useAuth.setState({ status: 'signed-out', user: null, mode: 'required', error: null })
  resetForNewUser() // no start remembered from another test
  followAccounts()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a change of account on the same page', () => {
  it('forgets every slice the admin filled when the admin signs out, keeping only the language', async () => {
    await adminUsedThePage()
    expect(scorecardCount()).toBe(10)
    const filled = changedKeys()
    for (const k of [
      'dashCompounds',
      'stats',
      'areaPath',
      'selectedId',
      'detail',
      'compounds',
      'tileNames',
      'ledgerColumns',
      'plansList',
      'jointRun',
      'jointDrafts',
      'sitingPoints',
      'sitingRun',
      'view',
    ] as const)
      expect(filled).toContain(k)

    useAuth.setState({ status: 'signed-out', user: null }) // what signedOut() does

    expect(
      changedKeys().filter((k) => !(KEPT_ACROSS_ACCOUNTS as readonly string[]).includes(k)),
    ).toEqual([])
    expect(useStore.getState().lang).toBe('en')
    expect(useStore.getState().dashCompounds.status).toBe('idle')
  })

  it('shows a street planner signing in next only the street’s scorecards, asked with its session', async () => {
    await adminUsedThePage()
    useAuth.setState({ status: 'signed-out', user: null })
    asked = []
    signIn(PLANNER)
    loadInitial(PLANNER)
    loadInitial(PLANNER) // StrictMode's second mount
    await settle()
    // The planner's own start, once: the street's figures, never the city's or the admin's district.
    expect(asked.filter((u) => u.startsWith('/api/stats'))).toEqual(['/api/stats?area=510104001'])
    expect(useStore.getState().areaPath).toEqual(['510104', '510104001'])
    // The dashboard asks the scorecards again instead of showing the admin's city.
    await loadScorecardCompounds()
    expect(asked.filter((u) => u.startsWith('/api/scorecard/compounds'))).toHaveLength(1)
    expect(scorecardCount()).toBe(3)
    expect(useStore.getState().selectedId).toBeNull()
    expect(useStore.getState().view).toBe('map')
  })

  it('resets when another account replaces the signed-in one without a sign-out in between', async () => {
    await adminUsedThePage()
    signIn(PLANNER)
    expect(useStore.getState().dashCompounds.status).toBe('idle')
    expect(useStore.getState().plansList.status).toBe('idle')
    expect(useStore.getState().areaPath).toEqual([])
  })

  it('keeps the workspace when the same account is confirmed again (a session check)', async () => {
    await adminUsedThePage()
    signIn({ ...ADMIN })
    expect(scorecardCount()).toBe(10)
    expect(useStore.getState().areaPath).toEqual(['510104'])
  })

  it('drops an answer asked for the previous account that arrives after the change', async () => {
    signIn(ADMIN)
    holding.add('/api/scorecard/compounds')
    const loading = loadScorecardCompounds()
    await settle()
    expect(useStore.getState().dashCompounds.status).toBe('loading')
    useAuth.setState({ status: 'signed-out', user: null })
    held.forEach((release) => release())
    await loading
    await settle()
    expect(useStore.getState().dashCompounds.status).toBe('idle')
  })

  it('tells which transitions leave another account’s state behind', () => {
    expect(accountChanged(null, ADMIN)).toBe(false)
    expect(accountChanged(ADMIN, null)).toBe(true)
    expect(accountChanged(ADMIN, PLANNER)).toBe(true)
    expect(accountChanged(ADMIN, { ...ADMIN })).toBe(false)
  })
})

describe('signing out', () => {
  it('finishes the registered work (unsaved plan edits) before ending the session', async () => {
    signIn(ADMIN)
    const order: string[] = []
    const finish = async () => {
      await settle()
      order.push('finished')
    }
    whenSigningOut(finish)
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        order.push(new URL(String(input), 'http://page.test').pathname)
        return json({})
      }),
    )
    await signOut()
    expect(order).toEqual(['finished', '/api/auth/logout'])
    expect(useAuth.getState().status).toBe('signed-out')
  })
})
