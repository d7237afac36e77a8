// The page's start after sign-in (loaders.ts loadInitial) and the picker's actions for a user with
// a jurisdiction, over a fake API answering a tiny city: one district 510104 (锦江区) with the
// streets 510104001 and 510104002, and a second district 510105. Every request is recorded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SignedInUser } from '../features/auth/auth-state.ts'
import { AREAS, CITY } from './area-fixtures.ts'
import { useStore } from './index.ts'
import { chooseArea, jumpToArea, loadAreaOptions, loadInitial } from './loaders.ts'

let asked: string[] = []
/** The server's page feature limit: 60,000 draws GeoJSON; 5 puts this city of 10 in tile mode. */
let featureLimit = 60000

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** The fake API: just enough of each answer for the loaders. */
async function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), 'http://page.test')
  asked.push(url.pathname + url.search)
  await Promise.resolve()
  const path = url.pathname
  if (path === '/api/config')
    return json({ basemap: { kind: 'plain' }, pageFeatureLimit: featureLimit })
  if (path === '/api/config/compounds') return json({ compounds: 10 })
  if (path === '/api/compounds') return json({ type: 'FeatureCollection', features: [] })
  if (path === '/api/stats') {
    const id = url.searchParams.get('area')
    return json({ area: id ? AREAS[id] : CITY, compounds: id?.length === 9 ? 3 : 10 })
  }
  if (path.startsWith('/api/areas/')) return json(AREAS[path.slice('/api/areas/'.length)])
  if (path === '/api/areas' && url.searchParams.get('format') === 'geojson')
    return json({ type: 'FeatureCollection', features: [] })
  if (path === '/api/areas') {
    const level = url.searchParams.get('level')
    const parent = url.searchParams.get('parent')
    const areas = Object.values(AREAS).filter(
      (a) => a.level === level && (parent === null || a.parentId === parent),
    )
    return json({ areas })
  }
  return new Response('{}', { status: 404 })
}

const user = (
  role: SignedInUser['role'],
  jurisdiction: SignedInUser['jurisdiction'],
): SignedInUser => ({ id: 1, username: role, displayName: role, role, jurisdiction })

/** Lets every pending request and its follow-ups settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

const statsAsked = () => asked.filter((u) => u.startsWith('/api/stats'))

beforeEach(() => {
  asked = []
  featureLimit = 60000
  vi.stubGlobal('fetch', vi.fn(fakeFetch))
  useStore.setState(useStore.getInitialState(), true)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the start after sign-in', () => {
  it('asks the city figures once when the workspace mounts twice for one sign-in (StrictMode)', async () => {
    const admin = user('admin', null)
    loadInitial(admin)
    loadInitial(admin)
    await settle()
    expect(statsAsked()).toEqual(['/api/stats'])
    expect(asked.filter((u) => u === '/api/areas?level=district')).toHaveLength(1)
    expect(useStore.getState().areaPath).toEqual([])
    expect(useStore.getState().home).toBeNull()
  })

  it('asks the district list for the picker once when the select and the start ask together', async () => {
    // React runs the picker's effect (a child) before the workspace's.
    void loadAreaOptions('district', null)
    loadInitial(user('admin', null))
    await settle()
    // The picker's options and the parent index (hierarchy) share the one list.
    expect(asked.filter((u) => u === '/api/areas?level=district')).toHaveLength(1)
    const s = useStore.getState()
    expect(s.hierarchy.status).toBe('ready')
    expect(s.areaOptions['district:']?.status).toBe('ready')
  })

  it('starts a street planner in the street: its figures (never the city’s), path and camera', async () => {
    loadInitial(user('planner', { id: '510104001', name: '平营街道', level: 'street' }))
    await settle()
    expect(statsAsked()).toEqual(['/api/stats?area=510104001'])
    const s = useStore.getState()
    expect(s.areaPath).toEqual(['510104', '510104001'])
    expect(s.home).toEqual({ id: '510104001', name: '平营街道', path: ['510104', '510104001'] })
    expect(s.focus?.bbox).toEqual(AREAS['510104001']!.bbox)
    expect(s.stats.status === 'ready' && s.stats.key).toBe('510104001')
  })

  it('lists the street’s compounds in tile mode, sized by the one figures request', async () => {
    featureLimit = 5
    loadInitial(user('planner', { id: '510104001', name: '平营街道', level: 'street' }))
    await settle()
    expect(statsAsked()).toEqual(['/api/stats?area=510104001'])
    expect(asked.filter((u) => u.startsWith('/api/compounds'))).toEqual([
      '/api/compounds?area=510104001',
    ])
    expect(useStore.getState().mapMode).toBe('tiles')
    expect(useStore.getState().compoundsPlan).toEqual({
      kind: 'area',
      areaId: '510104001',
      count: 3,
    })
  })

  it('starts a district leader in the district', async () => {
    loadInitial(user('leader', { id: '510104', name: '锦江区', level: 'district' }))
    await settle()
    expect(statsAsked()).toEqual(['/api/stats?area=510104'])
    expect(useStore.getState().areaPath).toEqual(['510104'])
    expect(useStore.getState().focus?.bbox).toEqual(AREAS['510104']!.bbox)
  })

  it('starts an admin at the city even when the account names an area', async () => {
    loadInitial(user('admin', { id: '510104', name: '锦江区', level: 'district' }))
    await settle()
    expect(statsAsked()).toEqual(['/api/stats'])
    expect(useStore.getState().areaPath).toEqual([])
  })

  it('moves to the new account’s home when another user signs in on the same page', async () => {
    loadInitial(user('admin', null))
    await settle()
    await chooseArea('district', '510105')
    await settle()
    asked = []
    loadInitial(user('planner', { id: '510104001', name: '平营街道', level: 'street' }))
    await settle()
    expect(statsAsked()).toEqual(['/api/stats?area=510104001'])
    expect(useStore.getState().areaPath).toEqual(['510104', '510104001'])
  })
})

describe('the picker of a user with a jurisdiction', () => {
  const planner = () => user('planner', { id: '510104001', name: '平营街道', level: 'street' })

  it('never goes above or beside the street, so nothing it offers ends in a refusal', async () => {
    loadInitial(planner())
    await settle()
    asked = []
    await chooseArea('district', '510105')
    await chooseArea('district', null)
    await chooseArea('street', '510104002')
    await jumpToArea('510104')
    await jumpToArea(null)
    await settle()
    expect(statsAsked().every((u) => u === '/api/stats?area=510104001')).toBe(true)
    expect(useStore.getState().areaPath).toEqual(['510104', '510104001'])
  })

  it('still lets a district leader choose a street of the district and come back up to it', async () => {
    loadInitial(user('leader', { id: '510104', name: '锦江区', level: 'district' }))
    await settle()
    await chooseArea('street', '510104002')
    await settle()
    expect(useStore.getState().areaPath).toEqual(['510104', '510104002'])
    await jumpToArea(null)
    await settle()
    expect(useStore.getState().areaPath).toEqual(['510104'])
    expect(statsAsked().at(-1)).toBe('/api/stats?area=510104')
  })
})
