// Comparing hand-made plans (exact expected output) and exporting a plan as GeoJSON and XLSX, read
// back; on PGlite and PostGIS.
import readXlsxFile from 'read-excel-file/node'
import { beforeAll, expect, it } from 'vitest'
import { ledgerApp } from '../../server/src/features/ledger/test-fixtures.ts'
import {
  branch,
  loadPlanCity,
  planCaller,
  TINY,
} from '../../server/src/features/plans/test-fixtures.ts'
import { describeEachDb } from '../helpers/each-db.ts'

describeEachDb('plans compare and export', (getDb) => {
  let ids: Record<string, number>
  const api = planCaller(() => ledgerApp(getDb()))
  const planWith = async (name: string, branches: ReturnType<typeof branch>[]) => {
    const created = await api('POST', '/api/plans', { name, areaId: TINY.street })
    const res = await api('POST', `/api/plans/${created.body.id}/changes`, {
      version: 1,
      changes: branches.map((b) => ({ op: 'upsertBranch', branch: b })),
    })
    expect(res.status).toBe(200)
    return res.body
  }

  beforeAll(async () => {
    ids = await loadPlanCity(getDb())
  })

  it('matches branches by compound set, then by key, and lists the compounds that move', async () => {
    const a = await planWith('甲方案', [
      branch('x', [ids.P1!, ids.P2!, ids.P3!], { name: '北一' }),
      branch('y', [ids.P4!, ids.P5!], { name: '北二' }),
      branch('z', [ids.E!, ids.F!], { name: '东' }),
      branch('w', [ids.H!], { name: '只在甲' }),
    ])
    const b = await planWith('乙方案', [
      // Same set as a.x (other key and order): matched by set, same content → same.
      branch('k1', [ids.P3!, ids.P1!, ids.P2!], { name: '北一' }),
      // Same key as a.y, different compounds → changed by key.
      branch('y', [ids.P4!, ids.P5!, ids.Q!], { name: '北二' }),
      // Same set and content as a.z under another key → same.
      branch('k3', [ids.F!, ids.E!], { name: '东' }),
      branch('v', [ids.D!], { name: '只在乙', kind: 'standalone' }),
    ])
    const { status, body } = await api('GET', `/api/plans/${a.id}/compare/${b.id}`)
    expect(status).toBe(200)
    expect(body.a).toEqual({ id: a.id, name: '甲方案', version: 2 })
    expect(body.b).toEqual({ id: b.id, name: '乙方案', version: 2 })
    expect(body.counts).toEqual({ onlyA: 1, onlyB: 1, same: 2, changed: 1 })
    expect(
      body.branches.map((d: { status: string; a?: { key: string }; b?: { key: string } }) => [
        d.status,
        d.a?.key ?? null,
        d.b?.key ?? null,
      ]),
    ).toEqual([
      ['same', 'x', 'k1'],
      ['changed', 'y', 'y'],
      ['same', 'z', 'k3'],
      ['onlyA', 'w', null],
      ['onlyB', null, 'v'],
    ])
    expect(body.branches[1].b.compoundIds).toEqual([ids.P4, ids.P5, ids.Q])
    expect(body.compoundsMoved).toEqual(
      [
        { compoundId: ids.D!, to: '只在乙', toKey: 'v' },
        { compoundId: ids.H!, from: '只在甲', fromKey: 'w' },
        { compoundId: ids.Q!, to: '北二', toKey: 'y' },
      ].sort((p, q) => p.compoundId - q.compoundId),
    )
  })

  it('marks a renamed branch with the same compounds as changed and moves no compound', async () => {
    const a = await planWith('丙', [branch('x', [ids.P1!, ids.P2!], { name: '旧名' })])
    const b = await planWith('丁', [branch('x', [ids.P1!, ids.P2!], { name: '新名' })])
    const { body } = await api('GET', `/api/plans/${a.id}/compare/${b.id}`)
    expect(body.counts).toEqual({ onlyA: 0, onlyB: 0, same: 0, changed: 1 })
    expect(body.compoundsMoved).toEqual([])
    // Splitting a branch in two moves the compounds of the half that is not matched by key.
    const c = await planWith('戊', [
      branch('x', [ids.P1!], { name: '旧名' }),
      branch('n', [ids.P2!], { name: '新的' }),
    ])
    const split = (await api('GET', `/api/plans/${a.id}/compare/${c.id}`)).body
    expect(split.counts).toEqual({ onlyA: 0, onlyB: 1, same: 0, changed: 1 })
    expect(split.compoundsMoved).toEqual([
      { compoundId: ids.P2, from: '旧名', fromKey: 'x', to: '新的', toKey: 'n' },
    ])
    expect((await api('GET', `/api/plans/${a.id}/compare/999999`)).status).toBe(404)
  })

  it('exports one GeoJSON feature per branch with outline, compounds, members and checks', async () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [104.0, 30.0],
          [104.001, 30.0],
          [104.001, 30.001],
          [104.0, 30.001],
          [104.0, 30.0],
        ],
      ],
    }
    const plan = await planWith('导出', [
      branch('n', [ids.P1!, ids.P2!, ids.P3!], { name: '北排' }),
      branch('qh', [ids.Q!, ids.H!], { name: '远', reason: '同一物业', boundary: polygon }),
      branch('e', [], { name: '空' }),
    ])
    const res = await ledgerApp(getDb()).request(`/api/plans/${plan.id}/export?format=geojson`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/geo+json')
    expect(res.headers.get('content-disposition')).toContain(`plan-${plan.id}-v2.geojson`)
    const fc = JSON.parse(await res.text())
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(3)
    const [north, far, empty] = fc.features
    expect(north.properties).toEqual({
      编号: 'n',
      支部名称: '北排',
      类型: '联合党支部',
      小区数: 3,
      小区编码: 'P1、P2、P3',
      小区名称: '小区P1、小区P2、小区P3',
      正式党员: 3,
      正式党员不少于3人: '通过',
      不超过5个小区: '通过',
      正式党员不超过50人: '通过',
      '相邻连片(间距30米内)': '通过',
      同属一个社区: '通过',
      距中心不超过500米: '通过',
      保留理由: '',
    })
    // The union of three touching-by-gap squares stays three parts; its extent is theirs.
    expect(north.geometry.type).toBe('MultiPolygon')
    const xs = north.geometry.coordinates.flat(2).map((p: number[]) => p[0])
    expect(Math.min(...xs)).toBeCloseTo(104, 6)
    expect(Math.max(...xs)).toBeCloseTo(104.0034, 6)
    expect(far.geometry).toEqual(polygon)
    expect(far.properties).toMatchObject({
      正式党员: 3,
      正式党员不少于3人: '通过',
      '相邻连片(间距30米内)': '未通过 (2)',
      同属一个社区: '通过',
      保留理由: '同一物业',
    })
    expect(far.properties['距中心不超过500米']).toMatch(/^未通过 \(\d+\.\d米\)$/)
    expect(empty.geometry).toBeNull()
    expect(empty.properties).toMatchObject({
      小区数: 0,
      正式党员: 0,
      正式党员不少于3人: '未通过 (0)',
    })
  })

  it('exports the same rows as XLSX with the outline as WKT', async () => {
    const plan = await planWith('表格', [
      branch('n', [ids.P4!, ids.P5!], { name: '北二' }),
      branch('s', [ids.D!], { name: '小区D', kind: 'standalone' }),
    ])
    const res = await ledgerApp(getDb()).request(`/api/plans/${plan.id}/export?format=xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const [sheet] = await readXlsxFile(Buffer.from(await res.arrayBuffer()))
    expect(sheet!.sheet).toBe('支部方案')
    const rows = sheet!.data
    expect(rows[0]).toEqual([
      '编号',
      '支部名称',
      '类型',
      '小区数',
      '小区编码',
      '小区名称',
      '正式党员',
      '正式党员不少于3人',
      '不超过5个小区',
      '正式党员不超过50人',
      '相邻连片(间距30米内)',
      '同属一个社区',
      '距中心不超过500米',
      '保留理由',
      '边界(WKT)',
    ])
    expect(rows).toHaveLength(3)
    expect(rows[1]!.slice(0, 13)).toEqual([
      'n',
      '北二',
      '联合党支部',
      2,
      'P4、P5',
      '小区P4、小区P5',
      3,
      '通过',
      '通过',
      '通过',
      '通过',
      '通过',
      '通过',
    ])
    expect(String(rows[1]![14])).toMatch(/^MULTIPOLYGON\(/)
    expect(rows[2]!.slice(0, 7)).toEqual(['s', '小区D', '单独组建', 1, 'D', '小区D', 4])
    expect((await api('GET', `/api/plans/${plan.id}/export?format=pdf`)).status).toBe(400)
    expect((await api('GET', '/api/plans/999999/export')).status).toBe(404)
  })
})
