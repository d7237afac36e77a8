// What the gap map draws, in words and swatches: the one-line description and the legend's
// classes. One pure function feeds the legend card, the exported PNG and the printed page.
import type { GapMeasure, Hotspots, Weight } from '../../api/scorecard-types.ts'
import { formatCount, formatPercent, interpolate } from '../../i18n/format.ts'
import { LEVEL_NAMES, MESSAGES, type Lang, type MessageKey } from '../../i18n/messages.ts'
import { HEX_EDGE_M } from '../../layers/gap-hex.ts'
import {
  GAP_RGB,
  HEAT_RGB,
  HOTSPOT_CLASSES,
  HOTSPOT_RGB,
  NO_GAP_RGB,
  PASSED_RGB,
  RATE_RGB,
  UNKNOWN_RGB,
  css,
  spread,
} from '../../layers/gap-palette.ts'
import type { RateKey } from '../../store/dashboard-measures.ts'
import type { ChoroplethModel, HexModel } from '../../store/dashboard-selectors.ts'
import type { GapLayer } from '../../store/dashboard-slice.ts'

export interface LegendItem {
  color: string
  label: string
  count?: number
}

export interface LegendModel {
  title: string
  description: string
  /** A continuous ramp (the heat map) rather than classes. */
  gradient: boolean
  items: LegendItem[]
}

export interface LegendInput {
  kind: GapLayer
  measure: GapMeasure
  rate: RateKey
  weight: Weight
  hex: HexModel
  choropleth: ChoroplethModel
  hotspots: Hotspots | undefined
  lang: Lang
}

const HOTSPOT_KEYS: Record<string, MessageKey> = {
  hot99: 'dashHot99',
  hot95: 'dashHot95',
  hot90: 'dashHot90',
  none: 'dashNone',
  cold90: 'dashCold90',
  cold95: 'dashCold95',
  cold99: 'dashCold99',
}

/** Labels of count classes under integer `breaks` (values ≥ 1; ≤ b0, b0+1–b1, …, > last). */
export function countClassLabels(breaks: readonly number[], lang: Lang): string[] {
  const n = (v: number) => formatCount(v, lang)
  if (breaks.length === 0) return ['≥ 1']
  const labels = [`≤ ${n(breaks[0]!)}`]
  for (let i = 1; i < breaks.length; i++) {
    const lo = breaks[i - 1]! + 1
    const hi = breaks[i]!
    labels.push(lo === hi ? n(hi) : `${n(lo)}–${n(hi)}`)
  }
  labels.push(`> ${n(breaks[breaks.length - 1]!)}`)
  return labels
}

/** Labels of rate classes under `breaks` (≤ b0, b0–b1, …, > last). */
export function rateClassLabels(breaks: readonly number[], lang: Lang): string[] {
  const p = (v: number) => formatPercent(v, lang)
  if (breaks.length === 0) return [lang === 'zh-CN' ? '全部' : 'all']
  const labels = [`≤ ${p(breaks[0]!)}`]
  for (let i = 1; i < breaks.length; i++) labels.push(`${p(breaks[i - 1]!)}–${p(breaks[i]!)}`)
  labels.push(`> ${p(breaks[breaks.length - 1]!)}`)
  return labels
}

/** The legend and description of what the gap map draws. */
export function legendOf(input: LegendInput): LegendModel {
  const { kind, measure, rate, weight, hex, choropleth, hotspots, lang } = input
  const m = MESSAGES[lang]
  const measureName = m[`dashMeasure_${measure}` as MessageKey]
  const unit = m[`dashUnit_${measure}` as MessageKey]
  const title = `${m[`dashLayer_${kind}` as MessageKey]}${m.colon}`
  if (kind === 'heat') {
    return {
      title: title + measureName,
      description: interpolate(m.dashDescHeat, { measure: measureName, unit }),
      gradient: true,
      items: [
        { color: css(HEAT_RGB[0]!), label: m.dashLegendLow },
        ...HEAT_RGB.slice(1, -1).map((c) => ({ color: css(c), label: '' })),
        { color: css(HEAT_RGB[HEAT_RGB.length - 1]!), label: m.dashLegendHigh },
      ],
    }
  }
  if (kind === 'hex') {
    const breaks = hex.breaks[measure]
    const colours = spread(GAP_RGB, breaks.length + 1)
    const labels = countClassLabels(breaks, lang)
    return {
      title: `${title}${measureName}（${unit}）`,
      description: interpolate(m.dashDescHex, {
        res: hex.res,
        edge: formatCount(HEX_EDGE_M[hex.res], lang),
        measure: measureName,
        unit,
        n: labels.length,
      }),
      gradient: false,
      items: [
        { color: css(NO_GAP_RGB), label: m.dashLegendNoGap },
        ...labels.map((label, i) => ({ color: css(colours[i]!), label })),
      ],
    }
  }
  if (kind === 'hotspots') {
    const counts = new Map<string, number>()
    for (const p of hotspots?.compounds ?? []) counts.set(p.class, (counts.get(p.class) ?? 0) + 1)
    // While another measure's classes load, the legend keeps describing the ones on the map.
    const drawnName = hotspots ? m[`dashMeasure_${hotspots.measure}` as MessageKey] : measureName
    return {
      title: title + drawnName,
      description: interpolate(m.dashDescHotspots, {
        band: formatCount(hotspots?.bandM, lang),
        n: formatCount(hotspots?.n, lang),
        measure: drawnName,
      }),
      gradient: false,
      items: HOTSPOT_CLASSES.map((c) => ({
        color: css(HOTSPOT_RGB[c]),
        label: m[HOTSPOT_KEYS[c]!],
        count: counts.get(c) ?? 0,
      })),
    }
  }
  if (choropleth.level === 'compound') {
    return {
      title: title + m.dashLegendPassed,
      description: m.dashDescPassed,
      gradient: false,
      items: PASSED_RGB.map((c, i) => ({
        color: css(c),
        label: interpolate(m.dashPassedN, { n: i }),
      })),
    }
  }
  const rateName = m[`dashF_${rate}` as MessageKey]
  const colours = spread(RATE_RGB, choropleth.breaks.length + 1)
  const level = choropleth.level ?? 'district'
  return {
    title: title + rateName,
    description: interpolate(m.dashDescChoropleth, {
      level: LEVEL_NAMES[lang][level],
      rate: rateName,
      weight: m[`dashWeight_${weight}` as MessageKey],
    }),
    gradient: false,
    items: [
      ...rateClassLabels(choropleth.breaks, lang).map((label, i) => ({
        color: css(colours[i]!),
        label,
      })),
      { color: css(UNKNOWN_RGB), label: m.dashLegendUnknown },
    ],
  }
}
