import { formatCount, formatWithUnit, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { draftsToGeoJson } from '../../store/joint-drafts.ts'
import { SaveAsPlanButton } from '../plans/SaveAsPlanButton.tsx'
import { downloadJson } from './download.ts'

/** Accepted candidates: a draft kept in this page only, until plans can be saved (issue 5). */
export function DraftList() {
  const { t, lang } = useT()
  const drafts = useStore((s) => s.jointDrafts)
  const remove = useStore((s) => s.removeJointDraft)
  const clear = useStore((s) => s.clearJointDrafts)
  return (
    <div className="joint-drafts" data-testid="joint-drafts">
      <p className="analysis-note joint-draft-note" role="note">
        {t('jointDraftNote')}
      </p>
      <div className="joint-list-head">
        <span className="muted">
          {interpolate(t('jointAcceptedCount'), { n: formatCount(drafts.length, lang) })}
        </span>
        <span className="joint-list-buttons">
          <button
            type="button"
            className="plain-button"
            disabled={drafts.length === 0}
            onClick={() => downloadJson('joint-branch-draft.geojson', draftsToGeoJson(drafts))}
          >
            {t('jointExport')}
          </button>
          <SaveAsPlanButton
            area={
              drafts.every((d) => d.area.id === drafts[0]?.area.id)
                ? (drafts[0]?.area ?? null)
                : null
            }
            name={`${drafts[0]?.area.name ?? ''}${t('jointTitle')}`}
            seed={{
              branches: drafts.map((d) => ({
                name: interpolate(t('jointLabel'), { n: d.number }),
                compoundIds: d.candidate.compoundIds,
              })),
            }}
          />
          <button
            type="button"
            className="plain-button"
            disabled={drafts.length === 0}
            onClick={clear}
          >
            {t('jointClearDrafts')}
          </button>
        </span>
      </div>
      {drafts.length === 0 && <p className="muted">{t('jointDraftEmpty')}</p>}
      <ol className="joint-list">
        {drafts.map((d) => {
          const area = d.area.level === 'city' ? t('wholeCity') : d.area.name
          return (
            <li key={d.key} className="joint-item joint-draft" data-testid="joint-draft">
              <div className="joint-item-main">
                <span className="joint-item-title">
                  <strong>
                    {area} · {interpolate(t('jointLabel'), { n: d.number })}
                  </strong>
                </span>
                <span className="joint-item-figures">
                  <span>
                    {t('jointCompounds')} {formatCount(d.candidate.compoundIds.length, lang)}
                  </span>
                  <span>
                    {t('jointMembers')} {formatCount(d.candidate.members, lang)}
                  </span>
                  <span>
                    {t('jointHouseholds')} {formatCount(d.candidate.households, lang)}
                  </span>
                  <span>
                    {t('jointRadius')} {formatWithUnit(d.candidate.radiusM, t('unitM'), lang)}
                  </span>
                </span>
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={t('jointRemoveDraft')}
                title={t('jointRemoveDraft')}
                onClick={() => remove(d.key)}
              >
                ×
              </button>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
