import type { AreaSummary } from '../../api/types.ts'
import type { ImportReport } from '../../api/ledger-import-types.ts'
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import {
  CRS_OPTIONS,
  ENCODINGS,
  crsToSend,
  encodingMatters,
  layerChoices,
  type WizardChoices,
} from './wizard-state.ts'

type Change = Partial<Omit<WizardChoices, 'files' | 'overrides'>>

/** Step 2: source coordinate system (default: the file's guess), encoding, layer, community. */
export function SourceChoices(props: {
  choices: WizardChoices
  report: ImportReport | null
  communities: AreaSummary[]
  disabled: boolean
  /** A change that re-runs the dry run at once. */
  onChange: (change: Change, rerun: boolean) => void
}) {
  const { t, lang } = useT()
  const { choices, report } = props
  const guess = report?.crs.guess
  const layers = report ? layerChoices(report) : null
  const epsgInvalid = choices.crs === 'EPSG' && crsToSend(choices).invalidEpsg
  return (
    <section className="imp-step" aria-labelledby="imp-source">
      <h3 id="imp-source">{t('impStepSource')}</h3>
      <div className="imp-grid">
        <label>
          <span>{t('impCrs')}</span>
          <select
            name="crs"
            data-testid="import-crs"
            value={choices.crs}
            disabled={props.disabled}
            onChange={(e) => {
              const crs = e.currentTarget.value as WizardChoices['crs']
              props.onChange({ crs }, crs !== 'EPSG' || /^\d{4,5}$/.test(choices.epsg))
            }}
          >
            {choices.crs === 'auto' && <option value="auto">{t('impCrsAuto')}</option>}
            {CRS_OPTIONS.map((c) => (
              <option key={c} value={c}>
                {t(`impCrs${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {choices.crs === 'EPSG' && (
          <label>
            <span>{t('impEpsg')}</span>
            <input
              name="epsg"
              inputMode="numeric"
              value={choices.epsg}
              placeholder="4544"
              aria-invalid={epsgInvalid ? true : undefined}
              disabled={props.disabled}
              onChange={(e) => props.onChange({ epsg: e.currentTarget.value }, false)}
              onBlur={() => {
                if (!epsgInvalid) props.onChange({}, true)
              }}
            />
            <small className={epsgInvalid ? 'imp-field-error' : 'imp-muted'}>
              {epsgInvalid && choices.epsg !== '' ? t('impEpsgInvalid') : t('impEpsgHint')}
            </small>
          </label>
        )}
        {encodingMatters(report, choices.files) && (
          <label>
            <span>{t('impEncoding')}</span>
            <select
              name="encoding"
              value={choices.encoding}
              disabled={props.disabled}
              onChange={(e) =>
                props.onChange(
                  { encoding: e.currentTarget.value as WizardChoices['encoding'] },
                  true,
                )
              }
            >
              <option value="">{t('impEncodingAuto')}</option>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e === 'utf-8' ? 'UTF-8' : e === 'gbk' ? 'GBK / GB2312' : 'Big5'}
                </option>
              ))}
            </select>
            {report?.encoding && (
              <small className="imp-muted">
                {interpolate(t('impEncodingUsed'), { encoding: report.encoding })}
              </small>
            )}
          </label>
        )}
        {layers && (
          <label>
            <span>{t('impLayer')}</span>
            <select
              name="layer"
              value={choices.layer?.name || layers.current}
              disabled={props.disabled}
              onChange={(e) =>
                props.onChange({ layer: { kind: layers.kind, name: e.currentTarget.value } }, true)
              }
            >
              {layers.names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('impCommunity')}</span>
          <select
            name="community"
            data-testid="import-community"
            value={choices.community}
            disabled={props.disabled}
            onChange={(e) => props.onChange({ community: e.currentTarget.value }, report !== null)}
          >
            <option value="">{t('impCommunityNone')}</option>
            {props.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{c.id}）
              </option>
            ))}
          </select>
          <small className="imp-muted">{t('impCommunityHint')}</small>
        </label>
      </div>
      {guess && (
        <p
          className={guess.confirm ? 'imp-note confirm' : 'imp-note'}
          data-testid="import-crs-guess"
        >
          {interpolate(t('impCrsGuess'), {
            name: typeof guess.crs === 'string' ? guess.crs : 'WKT',
            reason: lang === 'zh-CN' ? guess.reason.zh : guess.reason.en,
          })}
          {guess.confirm && <> {t('impCrsConfirm')}</>}
        </p>
      )}
    </section>
  )
}
