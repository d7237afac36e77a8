import type { KeyboardEvent } from 'react'
import type { Rollup, RollupRow } from '../../api/scorecard-types.ts'
import { useT } from '../../i18n/use-t.ts'
import {
  COUNT_KEYS,
  RATE_KEYS,
  isRate,
  rankRows,
  valueOf,
  type MeasureKey,
  type SortKey,
} from '../../store/dashboard-measures.ts'
import { drillInto } from '../../store/dashboard-loaders.ts'
import { useStore } from '../../store/index.ts'
import { formatFigure, figureLabel } from './dash-format.ts'
import { TARGETS } from './targets.ts'

const TABLE_KEYS: MeasureKey[] = [
  'oldCompounds',
  'organisationCoverage',
  'stationCoverage',
  'allFive',
]

const onActivate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault()
    fn()
  }
}

/** The target line of a rate with a published target, else null. */
const rateTarget = (key: MeasureKey): number | null => {
  const target = key === 'organisationCoverage' || key === 'stationCoverage' ? TARGETS[key] : null
  return target && target.kind === 'rate' ? target.value : null
}

const BAR_H = 18
const LABEL_W = 112
const VALUE_W = 64
const CHART_W = 400

/** Horizontal bars of the children by `key`, largest scale first; a bar click drills down. */
function ChildBars({ rows, measure }: { rows: RollupRow[]; measure: MeasureKey }) {
  const { t, lang } = useT()
  const values = rows.map((r) => valueOf(r, measure))
  const max = isRate(measure) ? 1 : Math.max(0, ...values.filter((v) => !Number.isNaN(v)))
  const plotW = CHART_W - LABEL_W - VALUE_W
  const x = (v: number) => (max > 0 && !Number.isNaN(v) ? (v / max) * plotW : 0)
  const target = rateTarget(measure)
  const height = rows.length * BAR_H + 6
  return (
    <svg
      className="dash-bars"
      viewBox={`0 0 ${CHART_W} ${height}`}
      width="100%"
      role="img"
      aria-label={`${t('dashChart')}${t('colon')}${t(figureLabel(measure))}`}
      data-testid="dash-bars"
    >
      {rows.map((row, i) => {
        const v = values[i]!
        const y = i * BAR_H + 3
        return (
          <g
            key={row.id}
            className="dash-bar"
            role="button"
            tabIndex={0}
            data-testid="dash-bar"
            data-id={row.id}
            onClick={() => void drillInto(row)}
            onKeyDown={onActivate(() => void drillInto(row))}
          >
            <title>{`${row.name}${t('colon')}${formatFigure(measure, v, lang)}`}</title>
            <text x={LABEL_W - 6} y={y + BAR_H / 2 + 1} textAnchor="end" dominantBaseline="middle">
              {row.name.length > 8 ? `${row.name.slice(0, 8)}…` : row.name}
            </text>
            <rect x={LABEL_W} y={y} width={plotW} height={BAR_H - 5} className="dash-bar-bg" />
            <rect x={LABEL_W} y={y} width={x(v)} height={BAR_H - 5} className="dash-bar-fill" />
            <text x={LABEL_W + plotW + 4} y={y + BAR_H / 2 + 1} dominantBaseline="middle">
              {formatFigure(measure, v, lang)}
            </text>
          </g>
        )
      })}
      {target !== null && (
        <line
          className="dash-target-line"
          x1={LABEL_W + x(target)}
          x2={LABEL_W + x(target)}
          y1={0}
          y2={height}
        >
          <title>{`${t('dashTarget').replace('{value}', formatFigure(measure, target, lang))}`}</title>
        </line>
      )}
    </svg>
  )
}

function SortHeader({ k, label }: { k: SortKey; label: string }) {
  const { t } = useT()
  const sort = useStore((s) => s.dashSort)
  const sortBy = useStore((s) => s.sortDashBy)
  const active = sort.key === k
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      className={k === 'name' ? 'name' : undefined}
    >
      <button
        type="button"
        className="dash-sort"
        data-testid={`dash-sort-${k}`}
        onClick={() => sortBy(k)}
        title={active ? t(sort.desc ? 'dashSortDesc' : 'dashSortAsc') : undefined}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )
}

/** The child areas (or a community's compounds) ranked by any measure, as bars and a table. */
export function ChildRanking({ rollup }: { rollup: Rollup }) {
  const { t, lang } = useT()
  const sort = useStore((s) => s.dashSort)
  const sortBy = useStore((s) => s.sortDashBy)
  const rows = rankRows(rollup.children, sort.key, sort.desc)
  const measure: MeasureKey = sort.key === 'name' ? 'organisationCoverage' : sort.key
  const columns = TABLE_KEYS.includes(measure) ? TABLE_KEYS : [...TABLE_KEYS, measure]
  return (
    <section className="panel dash-section" aria-labelledby="dash-ranking">
      <h3 id="dash-ranking">{t('dashRanking')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('dashNoChildren')}</p>
      ) : (
        <>
          <label className="gap-select">
            <span>{t('dashRankBy')}</span>
            <select
              value={measure}
              data-testid="dash-rank-by"
              onChange={(e) => sortBy(e.target.value as MeasureKey)}
            >
              {[...RATE_KEYS, ...COUNT_KEYS].map((k) => (
                <option key={k} value={k}>
                  {t(figureLabel(k))}
                </option>
              ))}
            </select>
          </label>
          <ChildBars rows={rows} measure={measure} />
          <p className="muted dash-hint">{t('dashDrillHint')}</p>
          <div className="dash-table-wrap">
            <table className="dash-table" aria-label={t('dashTable')} data-testid="dash-table">
              <thead>
                <tr>
                  <SortHeader k="name" label={t('dashName')} />
                  {columns.map((k) => (
                    <SortHeader key={k} k={k} label={t(figureLabel(k))} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.id}
                    tabIndex={0}
                    data-testid="dash-row"
                    data-id={row.id}
                    onClick={() => void drillInto(row)}
                    onKeyDown={onActivate(() => void drillInto(row))}
                  >
                    <th scope="row" className="name">
                      {row.name}
                    </th>
                    {columns.map((k) => (
                      <td key={k}>{formatFigure(k, valueOf(row, k), lang)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
