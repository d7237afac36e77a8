// Builds a request for any policy entry aimed at street A or street B of the security fixture.
import { POLICY, type Rule } from '../../server/src/features/auth/policy.ts'
import { TINY } from '../fixtures/tiny-city.ts'
import { tileAt } from '../helpers/tiles.ts'
import { STREET_B, type World } from './security-fixture.ts'

export type Side = 'A' | 'B'

export interface Sample {
  key: string
  rule: Rule
  method: string
  path: string
  body?: unknown
}

const tile = (lon: number) => {
  const t = tileAt(lon, 30.0005, 14)
  return `${t.z}/${t.x}/${t.y}.mvt`
}
/** The zoom 14 tile holding compound A or Z. */
const TILE = { A: tile(104.0005), B: tile(104.0305) }

export function sample(key: string, world: World, side: Side): Sample {
  const rule = POLICY[key]!
  const [method, pattern] = key.split(' ') as [string, string]
  const scope = 'public' in rule ? 'none' : rule.scope
  const pick = (a: number | null, b: number | null) => String((side === 'A' ? a : b) ?? 999999)
  const entityId = () => {
    if (typeof scope !== 'object') return '1'
    switch (scope.entity) {
      case 'compound':
        return pick(world.compounds.A!, world.compounds.Z!)
      case 'org':
        return pick(world.orgA, world.orgB)
      case 'station':
        return pick(world.stationA, world.stationB)
      case 'funding':
        return pick(world.fundingA, world.fundingB)
      case 'import':
        return pick(world.importA, world.importB)
      case 'plan':
        return pick(world.planA, world.planB)
    }
  }
  const area = side === 'A' ? TINY.street : STREET_B
  let path = pattern
    .replace(':layer/:z/:x/:y', `compounds/${TILE[side]}`)
    .replace(':name', 'm')
    .replace(/:\w+/g, () => (pattern.startsWith('/api/areas/') ? area : entityId()))
  if (scope === 'query-area') path += `?area=${area}`
  const body =
    method === 'GET'
      ? undefined
      : scope === 'body-area'
        ? { area, areaId: area, name: '方案' }
        : { version: 1, changes: {} }
  return { key, rule, method, path, ...(body ? { body } : {}) }
}
