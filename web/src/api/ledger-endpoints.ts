// The ledger workspace's requests: table columns, record reads and versioned saves, history,
// export links. Saves send the actor the server records in the audit log.
import { ApiError, apiUrl, csrfHeader, errorFromResponse, getJson } from './client.ts'
import type {
  CompoundFunding,
  CompoundRecord,
  ExportEntity,
  ExportFormat,
  FundingRecord,
  HistoryEntry,
  LedgerExtraColumns,
  OrgRecord,
  StationRecord,
} from './ledger-types.ts'
import type { CoverageStatus } from './types.ts'

/** The table's extra columns: every compound's, or one area's (tile mode lists one area). */
export const fetchLedgerColumns = (signal?: AbortSignal, area?: string) =>
  getJson<LedgerExtraColumns>(apiUrl('/api/ledger/rows', { area }), signal)

/** Sends JSON with `method`; throws ApiError (409 carries `details.current`, 400 `details.issues`). */
async function sendJson<T>(method: 'POST' | 'PATCH', url: string, body: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        // Writes carry the session's CSRF token (features/auth); empty when sign-in is off.
        ...csrfHeader(),
      },
      body: JSON.stringify(body),
    })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw await errorFromResponse(res)
  try {
    return (await res.json()) as T
  } catch (e) {
    throw new ApiError(res.status, 'bad_response', e instanceof Error ? e.message : String(e))
  }
}

export interface Save {
  version: number
  changes: Record<string, unknown>
}

export const saveCompound = (id: number, body: Save) =>
  sendJson<{ record: CompoundRecord }>('PATCH', `/api/compounds/${id}`, body)

export const fetchOrg = (id: number, signal?: AbortSignal) =>
  getJson<OrgRecord>(`/api/orgs/${id}`, signal)
export const saveOrg = (id: number, body: Save) =>
  sendJson<{ record: OrgRecord }>('PATCH', `/api/orgs/${id}`, body)

export const fetchStation = (id: number, signal?: AbortSignal) =>
  getJson<StationRecord>(`/api/stations/${id}`, signal)
export const saveStation = (id: number, body: Save) =>
  sendJson<{ record: StationRecord }>('PATCH', `/api/stations/${id}`, body)

export const fetchCompoundFunding = (id: number, signal?: AbortSignal) =>
  getJson<CompoundFunding>(`/api/compounds/${id}/funding`, signal)
export const createFunding = (compoundId: number, fields: Record<string, unknown>) =>
  sendJson<{ record: FundingRecord }>('POST', `/api/compounds/${compoundId}/funding`, fields)
export const saveFunding = (id: number, body: Save) =>
  sendJson<{ record: FundingRecord }>('PATCH', `/api/funding/${id}`, body)

export const fetchCompoundHistory = (id: number, signal?: AbortSignal) =>
  getJson<{ id: number; entries: HistoryEntry[] }>(`/api/compounds/${id}/history`, signal).then(
    (r) => r.entries,
  )

/** The download link of an export of the current selection (area and statuses; none = all). */
export const exportUrl = (
  entity: ExportEntity,
  format: ExportFormat,
  area: string | null,
  statuses: readonly CoverageStatus[],
) =>
  apiUrl('/api/ledger/export', {
    entity,
    format,
    area: area ?? undefined,
    status: statuses.length > 0 ? statuses.join(',') : undefined,
  })
