// A dry run from upload to stored report: nothing in the ledger changes until the commit.
import type { Db } from '../../../db/db.ts'
import {
  describeCrs as describe,
  type ColumnMapping,
  type ImportFile,
  type ReadOptions,
  type SourceCrs,
} from '../../../import/index.ts'
import { getSettings } from '../../settings/settings.queries.ts'
import { createImport, markFailed, saveReport } from './import.queries.ts'
import { prepareImport } from './prepare.ts'
import { buildReport } from './report.ts'
import { communityDirectory } from '../shared/community.queries.ts'
import { yieldToEventLoop } from '../shared/yield.ts'
import { compareRows, stagedOutcome, stageRows } from './stage.queries.ts'

export interface DryRunInput {
  files: ImportFile[]
  read: ReadOptions
  crs?: SourceCrs
  /** Saved then typed mappings, applied over the suggestion. */
  mappings: ColumnMapping[]
  /** Community id for new compounds whose row names none. */
  defaultCommunity: string | null
  actor: string
  /** What the user chose, stored for the record. */
  options: Record<string, unknown>
}

/** How many new and changed rows the report lists by name. */
const PREVIEW_ROWS = 500

/**
 * Reads, validates and compares an upload with the ledger, and stores the result as a dry run.
 * Throws ImportError when the upload cannot be read or is refused (swapped, outside China).
 * Each statement stands alone, so on PGlite other requests are answered between batches.
 */
export async function dryRun(db: Db, input: DryRunInput): Promise<number> {
  const { oldBeforeYear } = await getSettings(db)
  const p = await prepareImport(input.files, {
    read: input.read,
    ...(input.crs ? { crs: input.crs } : {}),
    mappings: input.mappings,
    oldBeforeYear,
  })
  const id = await createImport(db, {
    actor: input.actor,
    files: input.files.map((f) => f.name),
    format: p.table.format,
    layer: p.table.name,
    sourceCrs: p.crsLabel,
    crs: { used: p.crsUsed, usedName: describe(p.crsUsed), guess: p.crsGuess },
    mapping: p.mapping,
    options: input.options,
  })
  try {
    const communities = await communityDirectory(db)
    const resolved = p.rows.map((r) => {
      const ids = r.community ? communities.match(r.community, r.street, r.district) : []
      return {
        ...r,
        community_id: ids.length === 1 ? ids[0]! : null,
        community_matches: ids.length,
      }
    })
    await stageRows(db, id, resolved)
    await compareRows(db, id, input.defaultCommunity)
    await yieldToEventLoop()
    const { counts, report } = buildReport(p, await stagedOutcome(db, id, PREVIEW_ROWS))
    await saveReport(db, id, counts, report, p.result.blocking.length > 0)
  } catch (err) {
    await markFailed(db, id, err instanceof Error ? err.message : String(err)).catch(() => {})
    throw err
  }
  return id
}
