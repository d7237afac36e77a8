// The ledger import API: multipart dry run, report and progress, commit, rejected rows, mappings.
import { ApiError, errorFromResponse, getJson } from './client.ts'
import type {
  ColumnMapping,
  CommittingImport,
  ImportReport,
  SavedMapping,
} from './ledger-import-types.ts'

/** One request whose failures all become ApiError (server body, network, unreadable JSON). */
async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } })
  } catch (e) {
    if (init.signal?.aborted) throw new ApiError(0, 'aborted', 'aborted')
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw await errorFromResponse(res)
  try {
    return (await res.json()) as T
  } catch (e) {
    throw new ApiError(res.status, 'bad_response', e instanceof Error ? e.message : String(e))
  }
}

/** Uploads files with the user's choices and runs a dry run; nothing in the ledger changes. */
export function runDryRun(
  files: readonly File[],
  fields: readonly (readonly [string, string])[],
  signal?: AbortSignal,
): Promise<ImportReport> {
  const form = new FormData()
  for (const f of files) form.append('files', f, f.name)
  for (const [k, v] of fields) form.append(k, v)
  return send<ImportReport>('/api/ledger/imports', { method: 'POST', body: form, signal })
}

/** The report of an import, or its progress while a commit runs. */
export const fetchImport = (id: number, signal?: AbortSignal) =>
  getJson<ImportReport | CommittingImport>(`/api/ledger/imports/${id}`, signal)

/** Applies a dry run all-or-nothing; 409 when stale, blocked, failed or already committed. */
export const commitImport = (id: number) =>
  send<ImportReport>(`/api/ledger/imports/${id}/commit`, { method: 'POST' })

/** Where the rejected rows of an import download as CSV (UTF-8 with BOM, Chinese headers). */
export const rejectedCsvUrl = (id: number) => `/api/ledger/imports/${id}/rejected.csv`

export const fetchMappings = (signal?: AbortSignal) =>
  getJson<{ mappings: SavedMapping[] }>('/api/ledger/mappings', signal).then((r) => r.mappings)

/** Saves a mapping for reuse under `name` (replacing one of the same name). */
export const saveMapping = (name: string, mapping: ColumnMapping) =>
  send<SavedMapping>(`/api/ledger/mappings/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mapping }),
  })
