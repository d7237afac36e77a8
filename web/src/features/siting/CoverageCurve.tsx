import { useMemo } from 'react'
import type { CurvePoint, SitingResult } from '../../api/siting-types.ts'
import { formatCount, formatPercent, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { DEMAND_RGB, SITE_RGB, cssOf } from '../../layers/siting-palette.ts'
import { dataOf } from '../../store/async.ts'
import { useStore } from '../../store/index.ts'
import { KNEE_SHARE, bestCurve, extensionOf, kneeOf, withStart } from '../../store/siting-curve.ts'
import { extendSitingCurve } from '../../store/siting-loaders.ts'
import { Spinner } from '../status/Spinner.tsx'
import { shareAxisMax, ticks } from './chart-ticks.ts'
import './siting-curve.css'

// Drawing box in SVG units; the SVG scales to the panel's width.
const W = 360
const H = 180
const PAD = { left: 34, right: 10, top: 16, bottom: 28 }
const PLOT_W = W - PAD.left - PAD.right
const PLOT_H = H - PAD.top - PAD.bottom
/** Share of the plot's height the tallest gain bar takes, so bars stay under the line. */
const BAR_H = 0.35
/** Above this many stations, points are too close to mark one by one. */
const MAX_MARKED = 60

const LINE = cssOf(DEMAND_RGB.new)
const BAR = cssOf(DEMAND_RGB.before, 0.55)
const KNEE = cssOf(DEMAND_RGB.uncovered)

interface ChartProps {
  points: CurvePoint[]
  knee: number | null
  chosen: { stations: number; share: number } | null
}

function Chart({ points, knee, chosen }: ChartProps) {
  const { t, lang } = useT()
  const last = points[points.length - 1]!.stations
  const xMax = Math.max(1, last)
  const yMax = shareAxisMax(Math.max(...points.map((p) => p.share), chosen?.share ?? 0))
  const firstGain = points[1]?.marginalWeight || 1
  const x = (n: number) => PAD.left + (n / xMax) * PLOT_W
  const y = (share: number) => PAD.top + PLOT_H * (1 - share / yMax)
  const barW = Math.max(1, Math.min(12, (PLOT_W / xMax) * 0.6))
  const nearEnd = chosen !== null && chosen.stations > xMax * 0.7
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.stations)},${y(p.share)}`).join('')
  const tip = (p: CurvePoint) =>
    interpolate(t('sitingCurvePoint'), {
      n: p.stations,
      share: formatPercent(p.share, lang),
      gain: formatCount(p.marginalWeight, lang),
    })
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="siting-chart"
      role="img"
      aria-label={t('sitingCurveAria')}
    >
      {ticks(yMax, 4).map((v) => (
        <g key={`y${v}`} className="siting-grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
            {formatPercent(v, lang)}
          </text>
        </g>
      ))}
      {ticks(xMax, 5, true).map((v) => (
        <text
          key={`x${v}`}
          className="siting-tick"
          x={x(v)}
          y={H - PAD.bottom + 12}
          textAnchor="middle"
        >
          {v}
        </text>
      ))}
      <text className="siting-axis" x={PAD.left + PLOT_W / 2} y={H - 3} textAnchor="middle">
        {t('sitingCurveX')}
      </text>
      {points.slice(1).map((p) => (
        <rect
          key={`b${p.stations}`}
          x={x(p.stations) - barW / 2}
          width={barW}
          y={PAD.top + PLOT_H * (1 - (BAR_H * p.marginalWeight) / firstGain)}
          height={(PLOT_H * BAR_H * p.marginalWeight) / firstGain}
          fill={BAR}
        >
          <title>{tip(p)}</title>
        </rect>
      ))}
      {knee !== null && (
        <g className="siting-knee" data-stations={knee}>
          <line x1={x(knee)} x2={x(knee)} y1={PAD.top} y2={PAD.top + PLOT_H} stroke={KNEE} />
          <text
            x={x(knee)}
            y={PAD.top - 4}
            textAnchor={knee > xMax * 0.7 ? 'end' : 'middle'}
            fill={KNEE}
          >
            {t('sitingKneeLabel')}
          </text>
        </g>
      )}
      <path d={path} fill="none" stroke={LINE} strokeWidth={2} strokeLinejoin="round" />
      {points.length <= MAX_MARKED &&
        points.map((p) => (
          <circle key={`p${p.stations}`} cx={x(p.stations)} cy={y(p.share)} r={2.5} fill={LINE}>
            <title>{tip(p)}</title>
          </circle>
        ))}
      {chosen && (
        <g className="siting-chosen">
          <circle
            cx={x(chosen.stations)}
            cy={y(chosen.share)}
            r={4.5}
            fill="#fff"
            stroke={cssOf(SITE_RGB)}
            strokeWidth={2}
          />
          {/* Above-left near the right end, below-right elsewhere: clear of a rising line. */}
          <text
            x={x(chosen.stations) + (nearEnd ? -7 : 7)}
            y={y(chosen.share) + (nearEnd ? -7 : 14)}
            textAnchor={nearEnd ? 'end' : 'start'}
          >
            {t('sitingCurveChosen')}
          </text>
        </g>
      )}
    </svg>
  )
}

/** Coverage against the number of new stations, its marginal gain, and the turning point. */
export function CoverageCurve({ result }: { result: SitingResult }) {
  const { t, lang } = useT()
  const curveRun = useStore((s) => s.sitingCurve)
  const extended = dataOf(curveRun)
  const curve = bestCurve(result, extended)
  const points = useMemo(() => withStart(result.before, curve), [result.before, curve])
  const knee = kneeOf(curve)
  const extendTo = extended && extended.length > result.curve.length ? null : extensionOf(result)
  const p = formatPercent(KNEE_SHARE, lang)
  const chosen =
    result.status !== 'infeasible' && result.chosen.length > 0
      ? { stations: result.chosen.length, share: result.after.share }
      : null
  if (curve.length === 0) return null
  return (
    <section className="siting-curve" data-testid="siting-curve">
      <h3>{t('sitingCurveTitle')}</h3>
      <div className="siting-chart-key" aria-hidden="true">
        <span>
          <span className="siting-line" style={{ background: LINE }} />
          {t('sitingCurveShare')}
        </span>
        <span>
          <span className="siting-bar" style={{ background: BAR }} />
          {t('sitingCurveGain')}
        </span>
      </div>
      <Chart points={points} knee={knee} chosen={chosen} />
      <p className="siting-knee-text">
        {knee !== null
          ? interpolate(t('sitingKnee'), { n: knee, p })
          : interpolate(t('sitingNoKnee'), { n: curve.length, p })}
      </p>
      {extendTo !== null && (
        <button
          type="button"
          className="plain-button"
          disabled={curveRun.status === 'loading'}
          onClick={() => void extendSitingCurve()}
        >
          {curveRun.status === 'loading' && <Spinner />}
          {curveRun.status === 'loading'
            ? t('sitingCurveExtending')
            : interpolate(t('sitingCurveExtend'), { n: extendTo })}
        </button>
      )}
      <p className="muted siting-curve-note">{t('sitingCurveGreedy')}</p>
    </section>
  )
}
