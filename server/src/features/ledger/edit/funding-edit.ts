// Funding records (经费保障) belong to a party organisation and are shown with the compounds it
// covers. Created from a compound's panel, saved with the same optimistic pattern as the others.
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { AppError } from '../../../lib/errors.ts'
import { fieldError } from './edit-hook.ts'
import { FUNDING_LABELS, FundingChanges, FundingCreate } from './edit-schemas.ts'
import type { RecordEdit } from './record-edit.ts'
import { audit } from './versioned-update.ts'
import type { z } from 'zod'

export interface FundingRecord {
  id: number
  orgId: number
  orgName: string
  year: number
  source: string
  amountYuan: number
  version: number
  updatedAt: string
}

const SELECT = sql`
  SELECT f.id, f.org_id AS "orgId", o.name AS "orgName", f.year, f.source,
    f.amount_yuan::float8 AS "amountYuan", f.version,
    to_char(f.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
  FROM funding f JOIN party_org o ON o.id = f.org_id`

/** One funding record as the page edits it. */
export async function getFunding(db: Db, id: number): Promise<FundingRecord | undefined> {
  const [row] = await db.query<FundingRecord>(sql`${SELECT} WHERE f.id = ${id}`)
  return row
}

/** The organisations covering a compound (live ones first), for the funding form's choice. */
export async function orgsOfCompound(db: Db, compoundId: number) {
  return db.query<{ id: number; name: string; kind: string; status: string }>(sql`
    SELECT o.id, o.name, o.kind, o.status
    FROM org_compound oc JOIN party_org o ON o.id = oc.org_id
    WHERE oc.compound_id = ${compoundId}
    ORDER BY o.status, CASE WHEN o.kind IN ('standalone', 'joint') THEN 0 ELSE 1 END, o.id`)
}

/** The funding of the organisations covering a compound, newest year first. */
export async function fundingOfCompound(db: Db, compoundId: number): Promise<FundingRecord[]> {
  return db.query<FundingRecord>(sql`${SELECT}
    WHERE f.org_id IN (SELECT org_id FROM org_compound WHERE compound_id = ${compoundId})
    ORDER BY f.year DESC, f.id`)
}

/**
 * Creates a funding record for compound `compoundId`'s organisation (`org_id`, else its live
 * standalone or joint branch, else its first live organisation) with one audit entry.
 */
export async function createFunding(
  db: Db,
  compoundId: number,
  body: z.infer<typeof FundingCreate>,
  actor: string,
): Promise<FundingRecord> {
  const orgs = await orgsOfCompound(db, compoundId)
  let orgId = body.org_id
  if (orgId === undefined) {
    const live = orgs.filter((o) => o.status === 'active')
    if (live.length === 0)
      throw fieldError(
        'org_id',
        FUNDING_LABELS.org_id!,
        '该小区没有在用的党组织; 经费须记在党组织名下',
      )
    orgId = live[0]!.id
  } else if (!orgs.some((o) => o.id === orgId)) {
    throw fieldError('org_id', FUNDING_LABELS.org_id!, `党组织 ${orgId} 不覆盖该小区`)
  }
  const id = await db.tx(async (t) => {
    const [row] = await t.query<{ id: number; after: Record<string, unknown> }>(sql`
      INSERT INTO funding (org_id, year, source, amount_yuan)
      VALUES (${orgId}, ${body.year}, ${body.source}, ${body.amount_yuan})
      RETURNING id, to_jsonb(funding.*) - 'updated_at' - 'version' AS after`)
    await audit(t, {
      actor,
      action: 'create',
      entity: 'funding',
      entityId: row!.id,
      detail: { version: 1, compoundId, before: null, after: row!.after },
    })
    return row!.id
  })
  return (await getFunding(db, id))!
}

export const FUNDING_EDIT: RecordEdit<FundingRecord | undefined> = {
  table: 'funding',
  noun: '经费记录',
  columns: Object.keys(FundingChanges.shape),
  required: ['year', 'source', 'amount_yuan'],
  labels: FUNDING_LABELS,
  load: getFunding,
}

/** 404 unless the compound exists. */
export async function requireCompound(db: Db, id: number): Promise<void> {
  const [row] = await db.query<{ ok: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM compound WHERE id = ${id}) AS ok`,
  )
  if (!row!.ok) throw new AppError('NOT_FOUND', `compound ${id} not found`)
}
