import { describe, expect, it } from 'vitest'
import type { Hotspots } from '../../api/scorecard-types.ts'
import type { ChoroplethModel, HexModel } from '../../store/dashboard-selectors.ts'
import { countClassLabels, legendOf, rateClassLabels, type LegendInput } from './gap-legend.ts'

const hex: HexModel = {
  res: 8,
  bins: [],
  breaks: { uncoveredHouseholds: [100, 500], elderlyWithoutStation: [], failedIndicators: [2, 5] },
}
const choropleth: ChoroplethModel = {
  level: 'street',
  features: null,
  values: new Map(),
  breaks: [0.5, 0.8],
  key: '',
  rows: [],
}
const base: LegendInput = {
  kind: 'hex',
  measure: 'uncoveredHouseholds',
  rate: 'stationCoverage',
  weight: 'households',
  hex,
  choropleth,
  hotspots: undefined,
  lang: 'zh-CN',
}

describe('class labels', () => {
  it('writes integer classes without overlaps', () => {
    expect(countClassLabels([100, 500], 'zh-CN')).toEqual(['≤ 100', '101–500', '> 500'])
    expect(countClassLabels([1, 2], 'en')).toEqual(['≤ 1', '2', '> 2'])
  })

  it('writes rate classes as percentages', () => {
    expect(rateClassLabels([0.5, 0.8], 'en')).toEqual(['≤ 50%', '50%–80%', '> 80%'])
  })
})

describe('legendOf', () => {
  it("states the hexagons' unit, resolution and classes", () => {
    const l = legendOf(base)
    expect(l.title).toContain('户')
    expect(l.description).toContain('H3 第 8 级')
    expect(l.items.map((i) => i.label)).toEqual(['无缺口', '≤ 100', '101–500', '> 500'])
  })

  it('follows the measure without re-binning', () => {
    const l = legendOf({ ...base, measure: 'failedIndicators' })
    expect(l.title).toContain('未达标指标数')
    expect(l.items.map((i) => i.label)).toEqual(['无缺口', '≤ 2', '3–5', '> 5'])
  })

  it('names the level, rate and weight of a choropleth', () => {
    const l = legendOf({ ...base, kind: 'choropleth' })
    expect(l.description).toContain('街道（镇）')
    expect(l.description).toContain('阵地覆盖率')
    expect(l.description).toContain('按户数')
    expect(l.items).toHaveLength(4)
  })

  it('counts the compounds of each Gi* class', () => {
    const hotspots: Hotspots = {
      measure: 'failedIndicators',
      bandM: 1000,
      n: 3,
      compounds: [
        { id: 1, lng: 0, lat: 0, value: 5, z: 3, p: 0.002, class: 'hot99' },
        { id: 2, lng: 0, lat: 0, value: 4, z: 2.7, p: 0.007, class: 'hot99' },
        { id: 3, lng: 0, lat: 0, value: 0, z: 0, p: 1, class: 'none' },
      ],
    }
    const l = legendOf({ ...base, kind: 'hotspots', hotspots, lang: 'en' })
    expect(l.description).toContain('1,000 m')
    expect(l.items.find((i) => i.label.startsWith('Hot spot (99%'))?.count).toBe(2)
    expect(l.items.find((i) => i.label === 'Not significant')?.count).toBe(1)
  })

  it("describes the hot spots on the map while another measure's are on their way", () => {
    const hotspots: Hotspots = { measure: 'failedIndicators', bandM: 800, n: 0, compounds: [] }
    const l = legendOf({ ...base, kind: 'hotspots', measure: 'uncoveredHouseholds', hotspots })
    expect(l.description).toContain('未达标指标数')
    expect(l.description).not.toContain('未覆盖党组织的户数')
  })
})
