// A plan as a download: one GeoJSON feature or XLSX row per branch, with its outline (the free
// boundary, else the union of its compounds' boundaries), compounds, members and every check.
import writeXlsxFile from 'write-excel-file/node'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { CHECK_IDS, type RuleSettings } from '../../domain/branch-rules.ts'
import { checkLabel, checkValue, reportBranches } from './plans.checks.ts'
import { ruleInputs, ruleSettings } from './plans.live.ts'
import type { Plan } from './plans.queries.ts'

const KIND = { joint: '联合党支部', standalone: '单独组建' } as const

/** Column headers, in order (the geometry is the feature's geometry / the last XLSX column). */
export const exportHeaders = (rules: RuleSettings) => [
  '编号',
  '支部名称',
  '类型',
  '小区数',
  '小区编码',
  '小区名称',
  '正式党员',
  ...CHECK_IDS.map((id) => checkLabel(id, rules)),
  '保留理由',
]

/** Outline of each branch as GeoJSON or WKT text (null for an empty branch), by key. */
async function outlines(db: Db, planId: number, as: 'geojson' | 'wkt') {
  const rows = await db.query<{ key: string; geom: string | null }>(sql`
    SELECT b.key, CASE WHEN ${as}::text = 'wkt' THEN ST_AsText(g.geom) ELSE ST_AsGeoJSON(g.geom, 6) END AS geom
    FROM plan_branch b
    CROSS JOIN LATERAL (SELECT coalesce(b.boundary, (
      SELECT ST_Multi(ST_Union(coalesce(c.boundary, ST_Buffer(c.location::geography, 20)::geometry)))
      FROM compound c WHERE c.id = ANY(b.compound_ids))) AS geom) g
    WHERE b.plan_id = ${planId}`)
  return new Map(rows.map((r) => [r.key, r.geom]))
}

/** Cells of each branch (headers' order) and its outline. */
async function exportRows(db: Db, plan: Plan, as: 'geojson' | 'wkt') {
  const rules = await ruleSettings(db)
  const ids = plan.branches.flatMap((b) => b.compoundIds)
  const { facts, adjacency } = await ruleInputs(db, { ids }, rules)
  const geoms = await outlines(db, plan.id, as)
  // A compound removed from the ledger since it was planned is left out of the figures.
  const branches = plan.branches.map((b) => ({
    ...b,
    compoundIds: b.compoundIds.filter((id) => facts.has(id)),
  }))
  const rows = reportBranches(branches, facts, adjacency, rules).map((r) => {
    const compounds = r.branch.compoundIds.map((id) => facts.get(id)!)
    return {
      cells: [
        r.branch.key,
        r.branch.name,
        KIND[r.branch.kind],
        compounds.length,
        compounds.map((c) => c.code).join('、'),
        compounds.map((c) => c.name).join('、'),
        r.members,
        ...r.checks.map((c) => (c.pass ? '通过' : `未通过 (${checkValue(c)})`)),
        r.branch.reason ?? '',
      ] as (string | number)[],
      geom: geoms.get(r.branch.key) ?? null,
    }
  })
  return { headers: exportHeaders(rules), rows }
}

/** GeoJSON FeatureCollection text; property names are the Chinese headers. */
export async function planGeoJson(db: Db, plan: Plan): Promise<string> {
  const { headers, rows } = await exportRows(db, plan, 'geojson')
  const features = rows.map((r) => {
    const properties = Object.fromEntries(headers.map((h, i) => [h, r.cells[i]]))
    return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${r.geom ?? 'null'}}`
  })
  return `{"type":"FeatureCollection","name":${JSON.stringify(plan.name)},"features":[${features.join(',')}]}`
}

/** XLSX workbook of one sheet; the outline as WKT in the last column. */
export async function planXlsx(db: Db, plan: Plan): Promise<Uint8Array<ArrayBuffer>> {
  const { headers, rows } = await exportRows(db, plan, 'wkt')
  const data = [[...headers, '边界(WKT)'], ...rows.map((r) => [...r.cells, r.geom ?? ''])]
  const buffer = await writeXlsxFile(data, { sheet: '支部方案' }).toBuffer()
  return new Uint8Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength,
  ) as Uint8Array<ArrayBuffer>
}
