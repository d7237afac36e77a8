// Test-only helpers for the ledger API: an app with a chosen upload limit, multipart uploads and
// JSON requests through app.request(), and small ledger sheets built in memory.
import type { Position } from 'geojson'
import { createApp } from '../../app.ts'
import type { Db } from '../../db/db.ts'
import type { ImportFile } from '../../import/index.ts'
import { memoryLogger } from '../../lib/log.ts'

/** The app over `db`, with an upload limit in MB (default: the production default). */
export const ledgerApp = (db: Db, uploadLimitMb?: number) =>
  createApp({
    db,
    env: {
      BASEMAP: 'plain',
      TIANDITU_KEY: undefined,
      PMTILES_URL: undefined,
      UPLOAD_LIMIT_MB: uploadLimitMb,
    },
    log: memoryLogger(),
  })

type App = ReturnType<typeof ledgerApp>

/** A response with its body parsed as JSON when it is JSON, else as text. */
export interface Answer {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text()
  const json = res.headers.get('content-type')?.includes('json')
  return { status: res.status, headers: res.headers, body: json && text ? JSON.parse(text) : text }
}

/** POSTs files and form fields as multipart/form-data to the import endpoint. */
export async function upload(
  app: App,
  files: ImportFile[],
  fields: Record<string, string> = {},
  user = '测试员',
): Promise<Answer> {
  const form = new FormData()
  for (const f of files) form.append('files', new File([f.data.slice()], f.name))
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return answer(
    await app.request('/api/ledger/imports', {
      method: 'POST',
      body: form,
      headers: { 'x-yuanluo-user': encodeURIComponent(user) },
    }),
  )
}

/** Sends a request with an optional JSON body. */
export async function call(
  app: App,
  method: string,
  path: string,
  json?: unknown,
  user = '测试员',
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-yuanluo-user': encodeURIComponent(user) }
  if (json !== undefined) headers['content-type'] = 'application/json'
  return answer(
    await app.request(path, {
      method,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    }),
  )
}

/** A square ring [lng, lat] of `side` degrees with its south-west corner at (104 + x, 30 + y), as the tiny city draws them. */
export const tinySquare = (x: number, y: number, side = 0.001): Position[] => [
  [104 + x, 30 + y],
  [104 + x + side, 30 + y],
  [104 + x + side, 30 + y + side],
  [104 + x, 30 + y + side],
  [104 + x, 30 + y],
]

/** A self-intersecting "bow tie" ring that ST_MakeValid turns into two triangles. */
export const bowTie = (x: number, y: number, side = 0.001): Position[] => [
  [104 + x, 30 + y],
  [104 + x + side, 30 + y + side],
  [104 + x + side, 30 + y],
  [104 + x, 30 + y + side],
  [104 + x, 30 + y],
]
