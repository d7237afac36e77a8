import { GAP_MEASURES, type GapMeasure } from '../../api/scorecard-types.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { RATE_KEYS, type RateKey } from '../../store/dashboard-measures.ts'
import { useChoropleth, useHexModel } from '../../store/dashboard-selectors.ts'
import { GAP_LAYERS } from '../../store/dashboard-slice.ts'
import { useStore } from '../../store/index.ts'
import { Spinner } from '../status/Spinner.tsx'
import { legendOf, type LegendModel } from './gap-legend.ts'

/** The legend as swatches (or a ramp) with counts when known. */
export function GapLegend({ legend }: { legend: LegendModel }) {
  if (legend.gradient) {
    const stops = legend.items.map((i) => i.color).join(', ')
    return (
      <div className="gap-ramp" data-testid="gap-legend">
        <span>{legend.items[0]?.label}</span>
        <span className="gap-ramp-bar" style={{ background: `linear-gradient(90deg, ${stops})` }} />
        <span>{legend.items[legend.items.length - 1]?.label}</span>
      </div>
    )
  }
  return (
    <ul className="gap-classes" data-testid="gap-legend">
      {legend.items.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.color }} />
          <span className="gap-class-label">{item.label}</span>
          {item.count !== undefined && <span className="gap-class-count">{item.count}</span>}
        </li>
      ))}
    </ul>
  )
}

/** The gap map's legend model for the current choices (shared with the PNG export). */
export function useGapLegend(): LegendModel {
  const { lang } = useT()
  const kind = useStore((s) => s.dashLayer)
  const measure = useStore((s) => s.dashMeasure)
  const rate = useStore((s) => s.dashRate)
  const weight = useStore((s) => s.dashWeight)
  const hotspots = useStore((s) => dataOf(s.dashHotspots))
  const hex = useHexModel()
  const choropleth = useChoropleth()
  return legendOf({ kind, measure, rate, weight, hex, choropleth, hotspots, lang })
}

/** The gap map's controls: which layer, which measure or rate, and what is drawn. */
export function GapMapCard() {
  const { t } = useT()
  const kind = useStore((s) => s.dashLayer)
  const measure = useStore((s) => s.dashMeasure)
  const rate = useStore((s) => s.dashRate)
  const { setDashLayer, setDashMeasure, setDashRate } = useStore.getState()
  const compounds = useStore((s) => s.dashCompounds)
  const hotspots = useStore((s) => s.dashHotspots)
  const legend = useGapLegend()
  const loading =
    compounds.status === 'loading' || (kind === 'hotspots' && hotspots.status === 'loading')
  return (
    <section className="panel gap-map-card" aria-labelledby="gap-map-title" data-testid="gap-card">
      <h2 id="gap-map-title">
        {t('dashMapCard')}
        {loading && <Spinner />}
      </h2>
      <div className="gap-tabs" role="group" aria-label={t('dashLayer')}>
        {GAP_LAYERS.map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={kind === l}
            data-testid={`gap-layer-${l}`}
            onClick={() => setDashLayer(l)}
          >
            {t(`dashLayer_${l}` as MessageKey)}
          </button>
        ))}
      </div>
      {kind === 'choropleth' ? (
        <label className="gap-select">
          <span>{t('dashRate')}</span>
          <select
            value={rate}
            data-testid="gap-rate"
            onChange={(e) => setDashRate(e.target.value as RateKey)}
          >
            {RATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`dashF_${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="gap-measures" role="group" aria-label={t('dashMeasure')}>
          {GAP_MEASURES.map((m: GapMeasure) => (
            <button
              key={m}
              type="button"
              aria-pressed={measure === m}
              data-testid={`gap-measure-${m}`}
              onClick={() => setDashMeasure(m)}
            >
              {t(`dashMeasure_${m}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      <h3 className="gap-legend-title">{legend.title}</h3>
      <GapLegend legend={legend} />
      <p className="gap-description" data-testid="gap-description">
        {legend.description}
      </p>
    </section>
  )
}
