import { describe, expect, it } from 'vitest'
import { COMPOUND_FIELDS, FIELD_LABELS } from './compound-schema.ts'
import { suggestMapping } from './mapping.ts'

describe('suggestMapping', () => {
  it('maps the Chinese ledger headers of DOMAIN.md', () => {
    const { mapping, unmapped } = suggestMapping([
      '小区名称',
      '小区编码',
      '地址',
      '建成年代',
      '户数',
      '常住人口',
      '楼栋数',
      '党员数',
      '预备党员',
      '老年人占比',
      '物业管理',
      '改造状态',
      '所属社区',
      '备注',
    ])
    expect(mapping).toEqual({
      小区名称: 'name',
      小区编码: 'code',
      地址: 'address',
      建成年代: 'year_built',
      户数: 'households',
      常住人口: 'residents',
      楼栋数: 'buildings',
      党员数: 'members_full',
      预备党员: 'members_probationary',
      老年人占比: 'elderly_share',
      物业管理: 'property_mgmt',
      改造状态: 'renovation_status',
      所属社区: 'community',
      备注: null,
    })
    expect(unmapped).toEqual(['备注'])
  })

  it('ignores units in brackets, full-width brackets and required-field stars', () => {
    expect(
      suggestMapping(['户数（户）', '老年人占比(%)', '*名称', '占地面积（㎡）']).mapping,
    ).toEqual({
      '户数（户）': 'households',
      '老年人占比(%)': 'elderly_share',
      '*名称': 'name',
      '占地面积（㎡）': 'site_area_m2',
    })
  })

  it('maps English snake_case, camelCase and DBF-truncated names', () => {
    expect(suggestMapping(['members_full', 'yearBuilt', 'renovate', 'members_pr']).mapping).toEqual(
      {
        members_full: 'members_full',
        yearBuilt: 'year_built',
        renovate: null,
        members_pr: 'members_probationary',
      },
    )
  })

  it('gives a field to the better alias when two columns claim it', () => {
    const { mapping, unmapped } = suggestMapping(['小区', '小区名称'])
    expect(mapping).toEqual({ 小区: null, 小区名称: 'name' })
    expect(unmapped).toEqual(['小区'])
  })

  it('leaves geometry columns out of both lists', () => {
    expect(suggestMapping(['名称', '经度', '纬度'], ['经度', '纬度'])).toEqual({
      mapping: { 名称: 'name' },
      unmapped: [],
    })
  })

  it('maps the export headers back to their fields, so an export re-imports', () => {
    const { mapping } = suggestMapping(COMPOUND_FIELDS.map((f) => FIELD_LABELS[f]))
    expect(Object.values(mapping)).toEqual(COMPOUND_FIELDS)
  })

  it('is plain JSON that survives saving', () => {
    const s = suggestMapping(['名称', '户数'])
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
  })
})
