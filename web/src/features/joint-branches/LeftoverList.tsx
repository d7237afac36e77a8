import { useMemo } from 'react'
import type { JointLeftover } from '../../api/joint-types.ts'
import { formatCount } from '../../i18n/format.ts'
import { LEFTOVER_REASON_NAMES } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { focusCompound } from '../../store/joint-loaders.ts'
import { byIdOf, useFeatures } from '../../store/selectors.ts'
import { groupByReason } from './leftover-groups.ts'

/** Compounds no candidate could take, grouped by why; a click opens the compound's ledger. */
export function LeftoverList({ leftovers }: { leftovers: ReadonlyArray<JointLeftover> }) {
  const { t, lang } = useT()
  const features = useFeatures()
  const byId = byIdOf(features)
  const groups = useMemo(() => groupByReason(leftovers), [leftovers])
  if (leftovers.length === 0) return <p className="muted">{t('jointNoLeftovers')}</p>
  return (
    <div className="joint-leftovers">
      {groups.map(([reason, items]) => (
        <section key={reason} className="joint-reason" data-reason={reason}>
          <h4>
            {LEFTOVER_REASON_NAMES[lang][reason] ?? reason}
            <span className="muted"> {formatCount(items.length, lang)}</span>
          </h4>
          <ul className="joint-list">
            {items.map((l) => {
              const p = byId.get(l.compoundId)?.properties
              return (
                <li key={l.compoundId} className="joint-item" data-testid="joint-leftover">
                  <button
                    type="button"
                    className="joint-item-main"
                    title={l.detail}
                    onClick={() => focusCompound(l.compoundId)}
                  >
                    <span className="joint-item-title">{p?.name ?? `#${l.compoundId}`}</span>
                    <span className="joint-item-figures">
                      <span>
                        {t('membersFullLabel')} {formatCount(p?.membersFull, lang)}
                      </span>
                      <span>
                        {t('jointHouseholds')} {formatCount(p?.households, lang)}
                      </span>
                    </span>
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
