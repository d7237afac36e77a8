import { describe, expect, it } from 'vitest'
import type { CompoundDetail } from '../../api/types.ts'
import { ledgerGroups } from './ledger-groups.ts'

const record = (over: Partial<CompoundDetail> = {}): CompoundDetail => ({
  id: 7,
  code: 'YL000007',
  name: '望江小区',
  address: null,
  communityId: 'c1',
  areaPath: [
    { id: 'city', level: 'city', name: '成都市' },
    { id: 'd1', level: 'district', name: '锦江区' },
  ],
  yearBuilt: 1995,
  isOld: true,
  siteAreaM2: null,
  households: 480,
  residents: 1200,
  elderlyShare: 0.31,
  buildings: 8,
  tenure: 'reformed',
  propertyMgmt: null,
  renovationStatus: 'planned',
  members: {
    full: 5,
    probationary: 1,
    registered: 5,
    inService: 2,
    retired: 3,
    floatingIn: 0,
    floatingOut: 0,
  },
  vanguardTeam: null,
  vanguardSize: 0,
  selfGovernance: ['residents_committee', 'council'],
  consultations: 4,
  problemsLogged: 10,
  problemsClosed: 8,
  status: 'standalone',
  organisations: [],
  nearestStation: null,
  sourceCrs: 'EPSG:4490',
  version: 1,
  updatedAt: '2025-05-01T08:00:00Z',
  location: [104.0657, 30.6574],
  ...over,
})

const row = (groups: ReturnType<typeof ledgerGroups>, id: string, label: string) =>
  groups.find((g) => g.id === id)?.rows.find((r) => r.label === label)?.value

describe('ledgerGroups', () => {
  it('returns the five groups in the planners’ order', () =>
    expect(ledgerGroups(record(), 'zh-CN').map((g) => g.title)).toEqual([
      '基本信息',
      '党组织',
      '党员',
      '服务阵地',
      '自治与机制',
    ]))

  it('shows unknown values as an em dash', () => {
    const g = ledgerGroups(record(), 'zh-CN')
    expect(row(g, 'basic', '地址')).toBe('—')
    expect(row(g, 'basic', '占地面积')).toBe('—')
    expect(row(g, 'basic', '物业管理')).toBe('—')
  })

  it('names the status in Chinese', () =>
    expect(row(ledgerGroups(record(), 'zh-CN'), 'org', '覆盖状态')).toBe('单独组建'))

  it('notes a compound without an organisation', () =>
    expect(ledgerGroups(record(), 'zh-CN').find((g) => g.id === 'org')?.note).toBe('暂无党组织'))

  it('lists each organisation with its secretary', () => {
    const org = {
      id: 1,
      kind: 'joint' as const,
      status: 'active' as const,
      name: '望江等联合党支部',
      founded: '2022-07-01',
      secretaryName: '张某',
      secretaryPhone: null,
      secretaryRole: null,
      committeeSize: 3,
    }
    const sub = ledgerGroups(record({ organisations: [org] }), 'zh-CN').find((g) => g.id === 'org')!
      .subgroups[0]!
    expect(sub.title).toBe('望江等联合党支部')
    expect(sub.rows.find((r) => r.label === '组织类型')?.value).toBe('联合党支部')
    expect(sub.rows.find((r) => r.label === '联系电话')?.value).toBe('—')
  })

  it('notes a compound with no station nearby', () =>
    expect(ledgerGroups(record(), 'zh-CN').find((g) => g.id === 'station')?.note).toBe(
      '附近无服务站',
    ))

  it('gives the distance to the nearest station in metres', () => {
    const g = ledgerGroups(
      record({ nearestStation: { id: 1, name: '玉林站', distanceM: 240 } }),
      'zh-CN',
    )
    expect(row(g, 'station', '距离')).toBe('240米')
  })

  it('names self-governance bodies in Chinese', () =>
    expect(row(ledgerGroups(record(), 'zh-CN'), 'governance', '自治组织')).toBe('院委会、议事会'))

  it('joins the area path from city to community', () =>
    expect(row(ledgerGroups(record(), 'zh-CN'), 'basic', '所属区域')).toBe('成都市 / 锦江区'))

  it('speaks English when asked', () =>
    expect(ledgerGroups(record(), 'en')[0]!.title).toBe('Basic information'))
})
