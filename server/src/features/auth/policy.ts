// The one authorization table: every API route, by method and Hono path pattern, says who may call
// it and how to find the area it touches. The auth middleware (middleware.ts) enforces it on every
// request; a route missing here is refused with 500, and tests/integration/security-policy.test.ts
// fails listing every served route without an entry.
import type { Role } from './users.queries.ts'

/**
 * How to find the area(s) a request touches, checked against the user's jurisdiction:
 * - `none`: touches no area's records (area names, saved column mappings, one's own session).
 * - `query-area`: the `area` query parameter must lie inside the jurisdiction. When it is missing
 *   the jurisdiction itself is substituted (a planner of a street asking for "the city" gets their
 *   street), so pages that start from the whole city keep working inside a jurisdiction.
 * - `body-area`: the JSON body's `area` (or `areaId`) field must lie inside the jurisdiction.
 * - `{ entity, params }`: each path parameter (default `:id`) names a record; its area is looked up
 *   in SQL (scope.ts) and must lie inside the jurisdiction.
 * - `compound-rows`: an answer about every compound; the rows outside the jurisdiction are taken
 *   out of the answer (parallel arrays keyed by `id`).
 */
export type Scope =
  | 'none'
  | 'query-area'
  | 'body-area'
  | 'compound-rows'
  | { entity: ScopedEntity; params?: readonly string[] }

export type ScopedEntity = 'compound' | 'org' | 'station' | 'funding' | 'import' | 'plan'

export type Rule = { public: true } | { roles: readonly Role[]; scope: Scope }

const PUBLIC = { public: true } as const
const ALL: readonly Role[] = ['admin', 'planner', 'leader', 'viewer']
/** Ledger reads, exports, dashboards: everyone but viewers. */
const READERS: readonly Role[] = ['admin', 'planner', 'leader']
/** Every write: admins anywhere, planners inside their jurisdiction. Leaders never write. */
const WRITERS: readonly Role[] = ['admin', 'planner']

const compound = { entity: 'compound' } as const
const org = { entity: 'org' } as const
const station = { entity: 'station' } as const
const funding = { entity: 'funding' } as const
const ledgerImport = { entity: 'import' } as const
const plan = { entity: 'plan' } as const
const twoPlans = { entity: 'plan', params: ['a', 'b'] } as const

export const POLICY: Record<string, Rule> = {
  // Public: what the page needs before anyone signs in.
  'GET /api/health': PUBLIC,
  'GET /api/config': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  // Single sign-on (404 unless OIDC_ISSUER is configured): the redirect out and the way back.
  'GET /api/auth/oidc/start': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,

  // One's own session.
  'GET /api/auth/me': { roles: ALL, scope: 'none' },
  'POST /api/auth/logout': { roles: ALL, scope: 'none' },
  'POST /api/auth/logout-all': { roles: ALL, scope: 'none' },

  // The map and aggregate figures: every role, scoped to the jurisdiction. Area names and outlines
  // are public administrative divisions, so the area picker lists them all.
  'GET /api/areas': { roles: ALL, scope: 'none' },
  'GET /api/areas/:id': { roles: ALL, scope: 'none' },
  'GET /api/compounds': { roles: ALL, scope: 'query-area' },
  'GET /api/stats': { roles: ALL, scope: 'query-area' },
  // The whole database's compound count, by which the page picks GeoJSON or tile mode.
  'GET /api/config/compounds': { roles: ALL, scope: 'none' },
  // The compound panel: viewers get it without secretaries and member counts (redact.ts).
  'GET /api/compounds/:id': { roles: ALL, scope: compound },

  // Analyses compute drafts and change nothing, but are planning work: not for viewers.
  'POST /api/analysis/joint-branches': { roles: READERS, scope: 'body-area' },
  'POST /api/analysis/siting': { roles: READERS, scope: 'body-area' },

  // Ledger reads and exports.
  'GET /api/ledger/export': { roles: READERS, scope: 'query-area' },
  'GET /api/ledger/rows': { roles: READERS, scope: 'compound-rows' },
  'GET /api/compounds/:id/history': { roles: READERS, scope: compound },
  'GET /api/orgs/:id/history': { roles: READERS, scope: org },
  'GET /api/stations/:id/history': { roles: READERS, scope: station },
  'GET /api/orgs/:id': { roles: READERS, scope: org },
  'GET /api/stations/:id': { roles: READERS, scope: station },
  'GET /api/compounds/:id/funding': { roles: READERS, scope: compound },
  'GET /api/funding/:id/history': { roles: READERS, scope: funding },

  // Ledger writes.
  'PATCH /api/compounds/:id': { roles: WRITERS, scope: compound },
  'PATCH /api/orgs/:id': { roles: WRITERS, scope: org },
  'PATCH /api/stations/:id': { roles: WRITERS, scope: station },
  'POST /api/compounds/:id/funding': { roles: WRITERS, scope: compound },
  'PATCH /api/funding/:id': { roles: WRITERS, scope: funding },

  // Imports: an upload only stages a dry run; reading and committing it are checked against every
  // community its rows touch, so a planner cannot commit rows outside their jurisdiction.
  'POST /api/ledger/imports': { roles: WRITERS, scope: 'none' },
  'GET /api/ledger/imports/:id': { roles: WRITERS, scope: ledgerImport },
  'GET /api/ledger/imports/:id/rejected.csv': { roles: WRITERS, scope: ledgerImport },
  'POST /api/ledger/imports/:id/commit': { roles: WRITERS, scope: ledgerImport },
  // Saved column mappings are shared configuration, not area data.
  'GET /api/ledger/mappings': { roles: WRITERS, scope: 'none' },
  'GET /api/ledger/mappings/:name': { roles: WRITERS, scope: 'none' },
  'PUT /api/ledger/mappings/:name': { roles: WRITERS, scope: 'none' },

  // Plans (drafts for a street or community): read by leaders, written by planners of the area.
  'GET /api/plans': { roles: READERS, scope: 'query-area' },
  'POST /api/plans': { roles: WRITERS, scope: 'body-area' },
  'GET /api/plans/:id': { roles: READERS, scope: plan },
  'GET /api/plans/:id/context': { roles: READERS, scope: plan },
  'GET /api/plans/:id/export': { roles: READERS, scope: plan },
  'GET /api/plans/:a/compare/:b': { roles: READERS, scope: twoPlans },
  'POST /api/plans/:id/changes': { roles: WRITERS, scope: plan },
  'POST /api/plans/:id/copy': { roles: WRITERS, scope: plan },
  'POST /api/plans/:id/adopt': { roles: WRITERS, scope: plan },
  'DELETE /api/plans/:id': { roles: WRITERS, scope: plan },

  // The dashboard's scorecard: area aggregates for every role, per-compound figures for readers.
  'GET /api/scorecard/rollup': { roles: ALL, scope: 'query-area' },
  'GET /api/scorecard/snapshots': { roles: ALL, scope: 'query-area' },
  'GET /api/scorecard/compounds': { roles: READERS, scope: 'query-area' },
  'GET /api/scorecard/compounds/:id': { roles: READERS, scope: compound },
  'GET /api/scorecard/hotspots': { roles: READERS, scope: 'query-area' },
  'GET /api/scorecard/export.xlsx': { roles: READERS, scope: 'query-area' },
  // A snapshot records the whole city's figures as they are: a write, not tied to one area.
  'POST /api/scorecard/snapshots': { roles: WRITERS, scope: 'none' },

  // Vector tiles of the map: every role; the tile route cuts each tile to the jurisdiction and, for
  // viewers, drops per-compound member counts (tiles/early-render.ts tileView, cached per view).
  'GET /api/tiles/:layer/:z/:x/:y': { roles: ALL, scope: 'none' },
}

/** `METHOD /path/:param` as the policy and app.routes spell it. */
export const policyKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`
