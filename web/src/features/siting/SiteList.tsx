import { memo } from 'react'
import type { ChosenSite, SitingResult } from '../../api/siting-types.ts'
import { formatCount, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { SITE_RGB, cssOf } from '../../layers/siting-palette.ts'
import { useStore } from '../../store/index.ts'
import { focusSite } from '../../store/siting-loaders.ts'
import './siting-sites.css'

interface ItemProps {
  index: number
  site: ChosenSite
  selected: boolean
}

// Memoised: a city-wide result may list hundreds of sites, and a click changes only two of them.
const SiteItem = memo(function SiteItem({ index, site, selected }: ItemProps) {
  const { t, lang } = useT()
  const name =
    site.kind === 'point' ? interpolate(t('sitingPointName'), { name: site.name }) : site.name
  return (
    <li
      className={selected ? 'siting-site selected' : 'siting-site'}
      data-testid="siting-site"
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" onClick={() => focusSite(index)}>
        <span className="siting-disc" style={{ background: cssOf(SITE_RGB) }}>
          {index + 1}
        </span>
        <span className="siting-site-name">{name}</span>
        <span className="siting-site-figures">
          <span title={t('sitingSiteHouseholds')}>
            {formatCount(site.catchment.households, lang)} {t('households')}
          </span>
          <span className="muted">
            {formatCount(site.catchment.compoundIds.length, lang)} {t('sitingSiteCompounds')}
          </span>
        </span>
      </button>
    </li>
  )
})

/** The chosen sites by rank with the households each serves; a click frames its catchment. */
export function SiteList({ result }: { result: SitingResult }) {
  const { t } = useT()
  const selected = useStore((s) => s.sitingSelected)
  if (result.chosen.length === 0) return <p className="muted">{t('sitingNoSites')}</p>
  return (
    <section className="siting-sites">
      <h3>
        {t('sitingSitesTitle')}
        <span className="muted siting-sites-head">{t('sitingSiteHouseholds')}</span>
      </h3>
      <ol className="siting-site-list">
        {result.chosen.map((site, i) => (
          <SiteItem key={site.id} index={i} site={site} selected={selected === i} />
        ))}
      </ol>
    </section>
  )
}
