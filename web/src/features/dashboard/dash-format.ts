// How the dashboard writes a figure: rates as percentages, money in yuan, means with a decimal.
import { INDICATORS } from '../../api/scorecard-types.ts'
import { formatCount, formatPercent, EMPTY } from '../../i18n/format.ts'
import type { Lang, MessageKey } from '../../i18n/messages.ts'
import { isRate, type MeasureKey } from '../../store/dashboard-measures.ts'

/** The label key of a roll-up figure. */
export const figureLabel = (key: MeasureKey): MessageKey => `dashF_${key}` as MessageKey

/** A figure of `key` in the user's language; unknown (null, NaN) gives '—'. */
export function formatFigure(key: MeasureKey, v: number | null | undefined, lang: Lang): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return EMPTY
  if (isRate(key)) return formatPercent(v, lang)
  if (key === 'meanPassed')
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v)
  if (key === 'fundingYuan') {
    const n = formatCount(v, lang)
    return lang === 'zh-CN' ? `${n} 元` : `${n} yuan`
  }
  return formatCount(v, lang)
}

/** True for the five indicators (their labels are the plan's own words). */
export const isIndicatorKey = (k: string) => (INDICATORS as readonly string[]).includes(k)
