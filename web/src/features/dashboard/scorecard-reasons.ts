// The reason of one "四有一化" indicator in the planner's words, with its figure when known.
import type { Indicator, IndicatorResult } from '../../api/scorecard-types.ts'
import { formatCount, interpolate } from '../../i18n/format.ts'
import { MESSAGES, type Lang } from '../../i18n/messages.ts'

export interface ReasonSettings {
  walk: number
  ring: number
  min: number
}

/** The reason of one indicator in words, with its figure (distance, yuan, headcount) when known. */
export function reasonText(
  indicator: Indicator,
  r: IndicatorResult,
  settings: ReasonSettings,
  lang: Lang,
): string {
  const m = MESSAGES[lang] as Record<string, string>
  const template = m[`reason_${indicator}_${r.reason}`]
  const vars = {
    walk: formatCount(settings.walk, lang),
    ring: formatCount(settings.ring, lang),
    min: formatCount(settings.min, lang),
  }
  const base = template ? interpolate(template, vars) : r.reason
  const extra: string[] = []
  if (indicator === 'station' && typeof r.distanceM === 'number' && r.reason !== 'own_station')
    extra.push(interpolate(m.scoreDistance!, { m: formatCount(r.distanceM, lang) }))
  if (indicator === 'funding' && typeof r.yuan === 'number' && r.reason !== 'no_organisation')
    extra.push(interpolate(m.scoreYuan!, { yuan: formatCount(r.yuan, lang) }))
  if (indicator === 'example') {
    if (r.vanguardSize) extra.push(interpolate(m.scoreVanguard!, { n: r.vanguardSize }))
    if (r.inService) extra.push(interpolate(m.scoreInService!, { n: r.inService }))
  }
  if (indicator === 'mechanisms' && typeof r.consultations === 'number' && r.consultations > 0)
    extra.push(interpolate(m.scoreConsultations!, { n: r.consultations }))
  if (extra.length === 0) return base
  return lang === 'zh-CN' ? `${base}（${extra.join('，')}）` : `${base} (${extra.join(', ')})`
}
