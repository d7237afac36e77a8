// Dated roll-ups: every area's sums stored under one snapshot, taken on demand or once a month.
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import type { Logger } from '../../lib/context.ts'
import { allAreaSums, scorecardSettings } from './scorecard.queries.ts'
import type { Sums } from './sums.ts'

export interface SnapshotHead {
  id: number
  takenAt: string
  kind: 'manual' | 'monthly'
  note: string | null
}

const CHINA_OFFSET_MS = 8 * 3600_000

/** 'YYYY-MM' of a moment in China (UTC+8, no daylight saving). */
export const chinaMonth = (at: Date) =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7)

/**
 * Takes a snapshot of every area in one transaction. A monthly one for a month that already has one
 * is not taken (returns undefined), so concurrent starts cannot take two.
 */
export async function takeSnapshot(
  db: Db,
  opts: { kind: 'manual' | 'monthly'; note?: string; actor?: string; now?: Date },
): Promise<SnapshotHead | undefined> {
  const { year } = await scorecardSettings(db)
  return db.tx(async (t) => {
    const month = opts.kind === 'monthly' ? chinaMonth(opts.now ?? new Date()) : null
    const [head] = await t.query<{ id: number; takenAt: Date | string }>(sql`
      INSERT INTO scorecard_snapshot (kind, month, note, actor)
      VALUES (${opts.kind}, ${month}, ${opts.note ?? null}, ${opts.actor ?? 'system'})
      ON CONFLICT (month) WHERE kind = 'monthly' DO NOTHING
      RETURNING id, taken_at AS "takenAt"`)
    if (!head) return undefined
    const sums = await allAreaSums(t, year)
    const rows = [...sums].map(([areaId, { level, sums }]) => ({ area_id: areaId, level, sums }))
    await t.query(sql`
      INSERT INTO scorecard_snapshot_row (snapshot_id, area_id, level, sums)
      SELECT ${head.id}::int, r.area_id, r.level, r.sums
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(area_id text, level text, sums jsonb)`)
    return {
      id: head.id,
      takenAt: new Date(head.takenAt).toISOString(),
      kind: opts.kind,
      note: opts.note ?? null,
    }
  })
}

/** Takes this month's snapshot if it has none yet; returns it, or undefined when one exists. */
export async function ensureMonthlySnapshot(db: Db, now = new Date()) {
  const month = chinaMonth(now)
  const [existing] = await db.query<{ id: number }>(
    sql`SELECT id FROM scorecard_snapshot WHERE kind = 'monthly' AND month = ${month}`,
  )
  if (existing) return undefined
  return takeSnapshot(db, { kind: 'monthly', now })
}

const DAY_MS = 24 * 3600_000

/** Checks for this month's snapshot now and then once a day; returns a stop function. */
export function startMonthlySnapshots(db: Db, log: Logger, everyMs = DAY_MS): () => void {
  const check = () =>
    ensureMonthlySnapshot(db)
      .then((s) => {
        if (s) log.info('monthly scorecard snapshot taken', { id: s.id, takenAt: s.takenAt })
      })
      .catch((err: unknown) =>
        log.warn('monthly scorecard snapshot failed', { error: String(err) }),
      )
  void check()
  const timer = setInterval(() => void check(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** The stored sums of one area in every snapshot, oldest first. */
export async function snapshotSeries(db: Db, areaId: string) {
  const rows = await db.query<SnapshotHead & { sums: Sums }>(sql`
    SELECT s.id, s.taken_at AS "takenAt", s.kind, s.note, r.sums
    FROM scorecard_snapshot_row r JOIN scorecard_snapshot s ON s.id = r.snapshot_id
    WHERE r.area_id = ${areaId}
    ORDER BY s.taken_at, s.id`)
  return rows.map((r) => ({ ...r, takenAt: new Date(r.takenAt).toISOString() }))
}
