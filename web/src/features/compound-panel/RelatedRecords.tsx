import { useEffect, useState } from 'react'
import { isAbort } from '../../api/client.ts'
import {
  createFunding,
  fetchCompoundFunding,
  fetchOrg,
  fetchStation,
  saveFunding,
  saveOrg,
  saveStation,
} from '../../api/ledger-endpoints.ts'
import type { CompoundFunding, OrgRecord, StationRecord } from '../../api/ledger-types.ts'
import type { CompoundDetail } from '../../api/types.ts'
import { formatWithUnit, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { selectCompound } from '../../store/loaders.ts'
import {
  FundingChanges,
  FundingCreate,
  OrgChanges,
  StationChanges,
} from '../../../../server/src/features/ledger/edit/edit-schemas.ts'
import { RecordForm } from '../ledger/RecordForm.tsx'
import {
  FUNDING_FIELDS,
  fundingValues,
  ORG_FIELDS,
  orgValues,
  STATION_FIELDS,
  stationValues,
  valueLabel,
} from '../ledger/record-specs.ts'

type Editing =
  | { kind: 'org'; record: OrgRecord }
  | { kind: 'station'; record: StationRecord }
  | { kind: 'funding'; id: number | null }
  | null

/** Organisations, the nearest station and funding of a compound, each editable with its version. */
export function RelatedRecords({ detail }: { detail: CompoundDetail }) {
  const { t, lang } = useT()
  const [funding, setFunding] = useState<CompoundFunding | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [stamp, setStamp] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    fetchCompoundFunding(detail.id, ctrl.signal).then(setFunding, (e) => {
      if (!isAbort(e)) setFunding(null)
    })
    return () => ctrl.abort()
  }, [detail.id, stamp])

  const done = () => {
    setEditing(null)
    setStamp((n) => n + 1)
    // Names and statuses of organisations show in the ledger above.
    void selectCompound(detail.id)
  }
  const open = async (kind: 'org' | 'station', id: number) => {
    const record = kind === 'org' ? await fetchOrg(id) : await fetchStation(id)
    setEditing(
      kind === 'org'
        ? { kind, record: record as OrgRecord }
        : { kind, record: record as StationRecord },
    )
  }

  if (editing?.kind === 'org')
    return (
      <RecordForm
        title={`${t('editOrg')} · ${editing.record.name}`}
        testId="org-form"
        fields={ORG_FIELDS}
        labels="org"
        record={editing.record}
        version={(r) => r.version}
        values={orgValues}
        schema={OrgChanges}
        save={(body) => saveOrg(editing.record.id, body).then((r) => r.record)}
        onSaved={done}
        onCancel={() => setEditing(null)}
      />
    )
  if (editing?.kind === 'station')
    return (
      <RecordForm
        title={`${t('editStation')} · ${editing.record.name}`}
        testId="station-form"
        fields={STATION_FIELDS}
        labels="station"
        record={editing.record}
        version={(r) => r.version}
        values={stationValues}
        schema={StationChanges}
        save={(body) => saveStation(editing.record.id, body).then((r) => r.record)}
        onSaved={done}
        onCancel={() => setEditing(null)}
      />
    )
  if (editing?.kind === 'funding') {
    const record = funding?.records.find((r) => r.id === editing.id) ?? null
    return (
      <RecordForm
        title={record ? t('editFunding') : t('newFunding')}
        testId="funding-form"
        fields={FUNDING_FIELDS}
        record={record}
        version={(r) => r.version}
        values={fundingValues}
        schema={record ? FundingChanges : FundingCreate}
        save={(body) =>
          (record ? saveFunding(record.id, body) : createFunding(detail.id, body.changes)).then(
            (r) => r.record,
          )
        }
        onSaved={done}
        onCancel={() => setEditing(null)}
      />
    )
  }

  const liveOrg = funding?.orgs.some((o) => o.status === 'active') ?? false
  return (
    <>
      <section className="ledger-group related" aria-label={t('orgsSection')}>
        <h3>{t('orgsSection')}</h3>
        {detail.organisations.map((o) => (
          <div className="related-row" key={o.id}>
            <span>{o.name}</span>
            <button type="button" className="link-button" onClick={() => void open('org', o.id)}>
              {t('edit')}
            </button>
          </div>
        ))}
      </section>
      {detail.nearestStation && (
        <section className="ledger-group related" aria-label={t('stationSection')}>
          <h3>{t('stationSection')}</h3>
          <div className="related-row">
            <span>{detail.nearestStation.name}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => void open('station', detail.nearestStation!.id)}
            >
              {t('edit')}
            </button>
          </div>
        </section>
      )}
      <section
        className="ledger-group related"
        aria-label={t('fundingSection')}
        data-testid="funding"
      >
        <h3>{t('fundingSection')}</h3>
        {funding && funding.records.length === 0 && <p className="muted">{t('fundingNone')}</p>}
        {funding?.records.map((r) => (
          <div className="related-row" key={r.id}>
            <span>
              {interpolate(t('fundingYear'), { year: r.year })} · {valueLabel(r.source, lang)} ·{' '}
              {formatWithUnit(r.amountYuan, lang === 'zh-CN' ? ' 元' : 'yuan', lang)}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => setEditing({ kind: 'funding', id: r.id })}
            >
              {t('edit')}
            </button>
          </div>
        ))}
        {funding &&
          (liveOrg ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setEditing({ kind: 'funding', id: null })}
            >
              + {t('newFunding')}
            </button>
          ) : (
            <p className="muted">{t('fundingNoOrg')}</p>
          ))}
      </section>
    </>
  )
}
