// Adopting a plan: in one transaction, lock the plan at its version, re-read live data, re-check
// every branch, refuse compounds a live branch already covers, create the organisations (and the
// proposed stations), write the audit entries and mark the plan adopted.
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { AppError } from '../../lib/errors.ts'
import { checkLabel, checkValue, reportBranches } from './plans.checks.ts'
import { coverage, ruleInputs, ruleSettings, type Coverage } from './plans.live.ts'
import { bumpVersion, compoundsIn, getPlan, type Plan } from './plans.queries.ts'

/** Thrown inside the transaction when the plan row did not match; answered after the rollback. */
export class PlanMismatch extends Error {}

export interface AdoptResult {
  plan: Plan
  coverageBefore: Coverage
  coverageAfter: Coverage
}

interface Failure {
  key: string
  name: string
  rule: string
  label: string
  value: number
  limit: number
  hard: boolean
  /** The figure as a planner reads it ("2", "612.4米"). */
  shown: string
}

/** The community an organisation reports to: the one holding most of its compounds (lowest id on ties). */
function homeCommunity(communities: string[]): string {
  const n = new Map<string, number>()
  for (const c of communities) n.set(c, (n.get(c) ?? 0) + 1)
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]
}

/** Adopts plan `id` at `version`; throws AppError (400/404/409) naming what blocks it. */
export async function adoptPlan(
  db: Db,
  p: { id: number; version: number; actor: string },
): Promise<AdoptResult> {
  return db.tx(async (t) => {
    const ok = await bumpVersion(t, {
      id: p.id,
      version: p.version,
      actor: p.actor,
      statuses: ['draft'],
      status: 'adopted',
    })
    if (!ok) throw new PlanMismatch()
    const plan = (await getPlan(t, p.id))!
    const { branches, stations } = plan
    if (branches.length === 0 && stations.length === 0)
      throw new AppError('BAD_REQUEST', '方案中没有支部或服务站,无可采纳 (the plan is empty)')
    const rules = await ruleSettings(t)
    const ids = branches.flatMap((b) => b.compoundIds)
    const { facts, adjacency } = await ruleInputs(t, { ids }, rules)
    // The ledger may have moved or removed a compound since it was added to the plan.
    const outside = (await compoundsIn(t, ids, plan.area.id)).filter((c) => !c.inside)
    const gone = ids.filter((id) => !facts.has(id))
    if (gone.length > 0 || outside.length > 0)
      throw new AppError(
        'CONFLICT',
        `方案中有小区已不存在或已不在${plan.area.name}: ${[...gone, ...outside.map((c) => `${c.name}(${c.id})`)].join('、')} (compounds gone or outside the area)`,
        { gone, outside: outside.map((c) => c.id) },
      )

    const failures: Failure[] = []
    const standaloneIssues: string[] = []
    for (const r of reportBranches(branches, facts, adjacency, rules)) {
      if (r.branch.kind === 'standalone' && r.branch.compoundIds.length !== 1)
        standaloneIssues.push(
          `支部「${r.branch.name}」为单独组建,须恰好包含 1 个小区 (standalone branch ${r.branch.key} must hold exactly one compound)`,
        )
      for (const c of r.checks)
        if (!c.pass && (c.hard || !r.branch.reason))
          failures.push({
            key: r.branch.key,
            name: r.branch.name,
            rule: c.id,
            label: checkLabel(c.id, rules),
            value: c.value,
            limit: c.limit,
            hard: c.hard,
            shown: checkValue(c),
          })
    }
    if (standaloneIssues.length > 0)
      throw new AppError('BAD_REQUEST', standaloneIssues.join('; '), { standaloneIssues })
    if (failures.length > 0) {
      const hard = failures.filter((f) => f.hard)
      const first = (hard[0] ?? failures[0])!
      const what = `支部「${first.name}」未满足「${first.label}」(${first.shown})`
      const message = hard.length
        ? `${what},不能采纳 (branch ${first.key} fails hard rule ${first.rule})`
        : `${what},须填写保留理由 (branch ${first.key} fails ${first.rule} and has no reason)`
      throw new AppError(
        'BAD_REQUEST',
        failures.length > 1 ? `${message}; 共 ${failures.length} 项` : message,
        { failures },
      )
    }

    const covered = [...facts.values()].filter((c) => c.orgId !== null)
    if (covered.length > 0)
      throw new AppError(
        'CONFLICT',
        `${covered.length} 个小区已有党支部覆盖: ${covered
          .slice(0, 5)
          .map((c) => `${c.name}(${c.id})`)
          .join('、')} (compounds already covered by a live branch)`,
        { covered: covered.map((c) => ({ compoundId: c.id, name: c.name, orgId: c.orgId })) },
      )

    const coverageBefore = await coverage(t, plan.area.id)
    const orgIds = await createOrgs(
      t,
      p.id,
      branches.map((b) => ({
        key: b.key,
        kind: b.kind,
        name: b.name,
        compoundIds: b.compoundIds,
        communityId: homeCommunity(b.compoundIds.map((id) => String(facts.get(id)!.communityId))),
      })),
    )
    const stationIds = await createStations(t, p.id, stations.length)
    await t.query(sql`
      INSERT INTO audit_log (actor, action, entity, entity_id, detail)
      SELECT ${p.actor}, 'create', 'party_org', u.org_id::text,
        jsonb_build_object('plan', ${p.id}::int, 'branch', b.key, 'kind', b.kind, 'name', b.name,
          'compoundIds', to_jsonb(b.compound_ids), 'reason', b.reason)
      FROM unnest(${branches.map((b) => b.key)}::text[], ${orgIds}::int[]) AS u(key, org_id)
      JOIN plan_branch b ON b.plan_id = ${p.id} AND b.key = u.key
      UNION ALL
      SELECT ${p.actor}, 'create', 'station', s.station_id::text,
        jsonb_build_object('plan', ${p.id}::int, 'station', s.key, 'name', s.name)
      FROM plan_station s WHERE s.plan_id = ${p.id}
      UNION ALL
      SELECT ${p.actor}, 'adopt', 'plan', ${String(p.id)},
        jsonb_build_object('version', ${p.version + 1}::int, 'orgIds', to_jsonb(${orgIds}::int[]),
          'stationIds', to_jsonb(${stationIds}::int[]))`)
    const coverageAfter = await coverage(t, plan.area.id)
    return { plan: (await getPlan(t, p.id))!, coverageBefore, coverageAfter }
  })
}

/** Creates one active organisation per branch with its org_compound rows; returns ids in order. */
async function createOrgs(
  db: Db,
  planId: number,
  orgs: { key: string; kind: string; name: string; compoundIds: number[]; communityId: string }[],
): Promise<number[]> {
  if (orgs.length === 0) return []
  // Ids drawn first, so each branch knows its organisation without relying on RETURNING order.
  const ids = (
    await db.query<{ id: number }>(sql`
      SELECT nextval(pg_get_serial_sequence('party_org', 'id'))::int AS id
      FROM generate_series(1, ${orgs.length}::int)`)
  ).map((r) => r.id)
  const rows = orgs.map((o, i) => ({ ...o, id: ids[i] }))
  await db.query(sql`
    INSERT INTO party_org (id, kind, status, name, community_id, founded)
    SELECT r.id, r.kind, 'active', r.name, r."communityId", current_date
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id int, kind text, name text, "communityId" text)`)
  try {
    await db.query(sql`
      INSERT INTO org_compound (org_id, org_kind, org_status, compound_id)
      SELECT r.id, r.kind, 'active', jsonb_array_elements_text(r."compoundIds")::int
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(id int, kind text, "compoundIds" jsonb)`)
  } catch (err) {
    // The partial unique index: another adoption or edit covered a compound since the check.
    if ((err as { code?: string }).code === '23505')
      throw new AppError(
        'CONFLICT',
        '有小区刚被其他党支部覆盖,请刷新后重试 (a compound was covered by a live branch meanwhile)',
      )
    throw err
  }
  await db.query(sql`
    UPDATE plan_branch b SET org_id = u.org_id
    FROM unnest(${orgs.map((o) => o.key)}::text[], ${ids}::int[]) AS u(key, org_id)
    WHERE b.plan_id = ${planId} AND b.key = u.key`)
  return ids
}

/** Creates the plan's proposed stations (in the compound that holds each point, if any); returns ids. */
async function createStations(db: Db, planId: number, count: number): Promise<number[]> {
  if (count === 0) return []
  // A CTE referenced twice is evaluated once, so each station draws exactly one id.
  const rows = await db.query<{ id: number }>(sql`
    WITH ids AS MATERIALIZED (
      SELECT s.key, nextval(pg_get_serial_sequence('station', 'id'))::int AS id
      FROM plan_station s WHERE s.plan_id = ${planId}),
    made AS (
      INSERT INTO station (id, name, location, compound_id)
      SELECT ids.id, s.name, s.location,
        (SELECT c.id FROM compound c WHERE ST_Intersects(c.boundary, s.location) ORDER BY c.id LIMIT 1)
      FROM ids JOIN plan_station s ON s.plan_id = ${planId} AND s.key = ids.key
      RETURNING id)
    UPDATE plan_station s SET station_id = ids.id
    FROM ids WHERE s.plan_id = ${planId} AND s.key = ids.key
    RETURNING ids.id`)
  return rows.map((r) => r.id)
}
