// Saving a party organisation's form. Kind and members are not edited here: changing what an
// organisation is, or which compounds it covers, is the joint-branch workflow's job.
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import type { RecordEdit } from './record-edit.ts'

const text = (max: number) =>
  z
    .string({ error: '须为文字' })
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` })
const date = z
  .string({ error: '须为日期 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '须为日期 YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: '不是有效日期' })

/** The organisation fields a save may change. */
export const OrgChanges = z
  .object({
    name: text(200).min(1, { error: '必填' }),
    status: z.enum(['active', 'dissolved'], { error: '须为 active(在用) 或 dissolved(已撤销)' }),
    founded: date.nullable(),
    secretary_name: text(50).nullable(),
    secretary_phone: z
      .string({ error: '须为电话号码' })
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, { error: '须为电话号码' })
      .nullable(),
    secretary_role: text(100).nullable(),
    committee_size: z
      .int({ error: '须为非负整数' })
      .min(0, { error: '须为非负整数' })
      .max(1000)
      .nullable(),
  })
  .partial()
  .strict()

export const OrgEdit = z.object({
  version: z.int({ error: '须为正整数' }).min(1, { error: '须为正整数' }),
  changes: OrgChanges,
})

export const ORG_LABELS: Record<string, string> = {
  name: '组织名称',
  status: '状态',
  founded: '成立时间',
  secretary_name: '书记姓名',
  secretary_phone: '书记电话',
  secretary_role: '书记身份',
  committee_size: '委员人数',
  version: '版本',
}

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
