import { useState } from 'react'
import type { ColumnMapping, ImportReport, SavedMapping } from '../../api/ledger-import-types.ts'
import { interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { LEDGER_FIELDS, fieldLabel } from './fields.ts'
import {
  duplicateFields,
  effectiveMapping,
  geometryColumns,
  missingRequired,
  unmappedColumns,
} from './wizard-state.ts'

/** Step 3: each source column → a ledger field; saved mappings applied and saved. */
export function MappingTable(props: {
  report: ImportReport
  overrides: ColumnMapping
  saved: SavedMapping[]
  disabled: boolean
  notice: string | null
  onMap: (column: string, field: string | null) => void
  onApplySaved: (mapping: ColumnMapping) => void
  onReset: () => void
  onSave: (name: string, mapping: ColumnMapping) => void
}) {
  const { t, lang } = useT()
  const { report } = props
  const mapping = effectiveMapping(report, props.overrides)
  const [savedName, setSavedName] = useState('')
  const [saveName, setSaveName] = useState('')
  const [nameMissing, setNameMissing] = useState(false)
  const unmapped = unmappedColumns(mapping)
  const missing = missingRequired(mapping)
  const duplicates = duplicateFields(mapping)
  const geometry = geometryColumns(report)
  const g = report.geometrySource
  const sep = lang === 'zh-CN' ? '、' : ', '
  return (
    <section className="imp-step" aria-labelledby="imp-mapping">
      <h3 id="imp-mapping">{t('impStepMapping')}</h3>
      <p className="imp-muted">
        {g.kind === 'native'
          ? t('impGeometryNative')
          : g.kind === 'none'
            ? t('impGeometryNone')
            : interpolate(t('impGeometryColumns'), { columns: geometry.join(sep) })}
      </p>
      <div className="imp-table-wrap">
        <table className="imp-mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('impColumn')}</th>
              <th>{t('impField')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.keys(mapping).map((column) => {
              const field = mapping[column] ?? ''
              const suggested = report.suggestedMapping[column] ?? null
              return (
                <tr key={column} className={field ? undefined : 'unmapped'}>
                  <td>{column}</td>
                  <td>
                    <select
                      aria-label={column}
                      data-column={column}
                      value={field}
                      disabled={props.disabled}
                      onChange={(e) => props.onMap(column, e.currentTarget.value || null)}
                    >
                      <option value="">{t('impNotImported')}</option>
                      {LEDGER_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(f, lang)}
                          {f === suggested ? ` · ${t('impSuggested')}` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p className="imp-field-error" data-testid="import-missing">
          {interpolate(t('impMissingRequired'), {
            fields: missing.map((f) => fieldLabel(f, lang)).join(sep),
          })}
        </p>
      )}
      {duplicates.map((d) => (
        <p key={d.field} className="imp-field-error">
          {interpolate(t('impDuplicate'), {
            field: fieldLabel(d.field, lang),
            columns: d.columns.join(sep),
          })}
        </p>
      ))}
      {unmapped.length > 0 && (
        <p className="imp-muted" data-testid="import-unmapped">
          {interpolate(t('impUnmapped'), { columns: unmapped.join(sep) })}
        </p>
      )}
      <div className="imp-row">
        <label>
          <span>{t('impSavedMappings')}</span>
          <select
            name="savedMapping"
            value={savedName}
            disabled={props.disabled || props.saved.length === 0}
            onChange={(e) => setSavedName(e.currentTarget.value)}
          >
            <option value="">{props.saved.length ? t('impChooseSaved') : t('impNoSaved')}</option>
            {props.saved.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={props.disabled || !savedName}
          onClick={() => {
            const m = props.saved.find((s) => s.name === savedName)
            if (m) props.onApplySaved(m.mapping)
          }}
        >
          {t('impApplySaved')}
        </button>
        <button type="button" disabled={props.disabled} onClick={props.onReset}>
          {t('impResetMapping')}
        </button>
      </div>
      <div className="imp-row">
        <label>
          <span>{t('impSaveAs')}</span>
          <input
            name="mappingName"
            value={saveName}
            aria-invalid={nameMissing ? true : undefined}
            onChange={(e) => {
              setSaveName(e.currentTarget.value)
              setNameMissing(false)
            }}
          />
        </label>
        <button
          type="button"
          data-testid="import-save-mapping"
          disabled={props.disabled}
          onClick={() => {
            if (saveName.trim() === '') setNameMissing(true)
            else props.onSave(saveName.trim(), mapping)
          }}
        >
          {t('impSave')}
        </button>
        {nameMissing && <span className="imp-field-error">{t('impSaveNameEmpty')}</span>}
        {props.notice && (
          <span className="imp-ok" role="status" data-testid="import-mapping-notice">
            {props.notice}
          </span>
        )}
      </div>
    </section>
  )
}
