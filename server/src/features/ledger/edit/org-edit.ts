// Saving a party organisation's form. Kind and members are not edited here: changing what an
// organisation is, or which compounds it covers, is the joint-branch workflow's job.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import { ORG_LABELS, OrgChanges, VersionSchema } from './edit-schemas.ts'
import type { RecordEdit } from './record-edit.ts'

export { ORG_LABELS, OrgChanges }

export const OrgEdit = z.object({
  version: VersionSchema,
  changes: OrgChanges,
})

/** One organisation as the page edits it. */
export async function getOrg(db: Db, id: number) {
  const [row] = await db.query<{ id: number; version: number }>(sql`
    SELECT o.id, o.kind, o.status, o.name, o.community_id AS "communityId",
      to_char(o.founded, 'YYYY-MM-DD') AS founded, o.secretary_name AS "secretaryName",
      o.secretary_phone AS "secretaryPhone", o.secretary_role AS "secretaryRole",
      o.committee_size AS "committeeSize", o.version,
      to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
      coalesce((SELECT json_agg(oc.compound_id ORDER BY oc.compound_id) FROM org_compound oc
        WHERE oc.org_id = o.id), '[]') AS "compoundIds"
    FROM party_org o WHERE o.id = ${id}`)
  return row
}

export const ORG_EDIT: RecordEdit<Awaited<ReturnType<typeof getOrg>>> = {
  table: 'party_org',
  noun: '党组织',
  columns: Object.keys(OrgChanges.shape),
  required: ['name', 'status'],
  labels: ORG_LABELS,
  load: getOrg,
}
