// Authentication, CSRF, the central policy (policy.ts) and response redaction for every /api route.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { matchedRoutes } from 'hono/route'
import type { Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { actorOf } from '../ledger/shared/actor.ts'
import { setRequestAuth, type RequestAuth } from './current-user.ts'
import { POLICY, policyKey, type Rule, type Scope } from './policy.ts'
import { mayNeedRedaction, redact, redactionFor } from './redact.ts'
import { areasOfRecord, outsideJurisdiction } from './scope.ts'
import { communitiesUnder } from '../areas/areas.queries.ts'
import { sql } from '../../db/sql.ts'
import { requestVersions } from '../../lib/data-version.ts'
import { sessionCache, type SessionCache } from './session-cache.ts'
import { type AuthUser } from './users.queries.ts'

export const SESSION_COOKIE = 'yuanluo_session'

/**
 * - `required`: every non-public route needs a session cookie; writes need the CSRF token. What
 *   `npm start` (server/src/main.ts) always uses; no setting turns it off.
 * - `header`: the seam for tests written before accounts existed: a request without a session acts
 *   as an admin named by `x-yuanluo-user`. createApp's default only so that suites calling
 *   `createApp(deps)` keep working; never reachable from main.ts or the environment.
 */
export type AuthMode = 'required' | 'header'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const AREA_ID = /^\d{6}(\d{3}){0,2}$/

/** The route a request matched, as app.routes spells it (`METHOD /api/x/:id`), if any. */
export function matchedRoute(c: Context): { method: string; path: string } | undefined {
  const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL')
  return routes[routes.length - 1]
}

/** A path parameter of `pattern` (Hono syntax, `:name`) in `path`. */
export function paramOf(pattern: string, path: string, name: string): string | undefined {
  const names: string[] = []
  const re = pattern
    .split('/')
    .map((seg) => {
      const m = /^:(\w+)/.exec(seg)
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(m[1]!)
      return '([^/]+)'
    })
    .join('/')
  const match = new RegExp(`^${re}$`).exec(path)
  const i = names.indexOf(name)
  if (!match || i < 0) return undefined
  try {
    return decodeURIComponent(match[i + 1]!)
  } catch {
    return match[i + 1]
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/** Constant-time comparison of the sent CSRF token with the session's. */
export const sameToken = (sent: string | undefined, expected: string) =>
  sent !== undefined && timingSafeEqual(digest(sent), digest(expected))

/** `sessions`: the process's session cache, shared with whatever peeks at it (tiles' early render). */
export function authMiddleware(
  deps: Deps,
  mode: AuthMode,
  sessions: SessionCache = sessionCache(deps.db),
): MiddlewareHandler {
  const { db, log } = deps
  const warned = new Set<string>()

  const authenticate = async (c: Context): Promise<RequestAuth | undefined> => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token && token.length <= 200) {
      // One read of the versions serves this check and the route's caches (tiles).
      const { auth } = await requestVersions(c, db)
      const found = await sessions.get(token, auth)
      if (found?.state === 'live') return { via: 'session', ...found.session }
      if (found?.state === 'idle')
        throw new AppError(
          'UNAUTHENTICATED',
          '登录已超时，请重新登录 (your session timed out after a period without activity; sign in again)',
          { reason: 'idle' },
        )
    }
    if (mode === 'header') {
      const headerAdmin: AuthUser = {
        id: 0,
        username: actorOf(c),
        displayName: actorOf(c),
        role: 'admin',
        jurisdiction: null,
      }
      return { user: headerAdmin, via: 'header' }
    }
    return undefined
  }

  return async (c, next) => {
    const route = matchedRoute(c)
    // No route: the app answers 404 itself.
    if (!route) return next()
    const key = policyKey(route.method, route.path)
    const rule: Rule | undefined = POLICY[key]
    if (!rule) {
      if (mode === 'required') {
        log.error('route without an access policy', { route: key })
        throw new AppError('INTERNAL', `no access policy for ${key}`)
      }
      if (!warned.has(key)) log.warn('route without an access policy', { route: key })
      warned.add(key)
    }
    if (rule && 'public' in rule) return next()

    const auth = await authenticate(c)
    if (!auth) throw new AppError('UNAUTHENTICATED', '请先登录 (sign in first)')
    if (auth.via === 'session' && WRITES.has(c.req.method)) {
      if (!sameToken(c.req.header('x-csrf-token'), auth.csrfToken!))
        throw new AppError(
          'CSRF',
          '请求缺少有效的 CSRF 令牌,请刷新页面后重试 (missing or wrong x-csrf-token)',
        )
    }
    const { user } = auth
    if (rule) {
      if (!rule.roles.includes(user.role))
        throw new AppError(
          'FORBIDDEN',
          `角色 ${user.role} 无权执行此操作 (role ${user.role} may not ${key})`,
        )
      if (user.role !== 'admin' && user.jurisdiction)
        await checkScope(c, rule.scope, route.path, user.jurisdiction.id)
    }
    setRequestAuth(c, auth)
    const limited = user.role !== 'admin' && user.jurisdiction ? user.jurisdiction.id : undefined

    await next()

    // Answers depend on who asks: never from a shared cache, never to another user.
    c.res.headers.append('vary', 'Cookie')
    const cacheControl = c.res.headers.get('cache-control')
    if (cacheControl?.includes('public'))
      c.res.headers.set('cache-control', cacheControl.replace('public', 'private'))
    const type = c.res.headers.get('content-type') ?? ''
    // Tiles are cut to the jurisdiction by the tile route itself (tiles.queries.ts, cached per scope).
    if (!/json/.test(type) || c.res.status >= 300) return
    const rowsFilter = rule && rule.scope === 'compound-rows' && limited
    const level = redactionFor(user)
    if (!rowsFilter && level === 'none') return
    const text = await c.res.clone().text()
    if (!rowsFilter && !mayNeedRedaction(text, level)) return
    let body = JSON.parse(text) as unknown
    if (rowsFilter) body = await keepRowsInside(body, limited)
    const headers = new Headers(c.res.headers)
    headers.delete('content-length')
    c.res = new Response(JSON.stringify(redact(user, body)), { status: c.res.status, headers })
  }

  /** Parallel arrays keyed by `id` (compound ids), keeping the compounds inside the area. */
  async function keepRowsInside(body: unknown, areaId: string): Promise<unknown> {
    const b = body as Record<string, unknown[]>
    if (!Array.isArray(b?.id)) return body
    const inside = new Set(
      (
        await db.query<{ id: number }>(
          sql`SELECT id FROM compound WHERE community_id IN (${communitiesUnder(areaId)})`,
        )
      ).map((r) => r.id),
    )
    const keep = b.id.map((id) => inside.has(id as number))
    return Object.fromEntries(
      Object.entries(b).map(([k, v]) => [
        k,
        Array.isArray(v) && v.length === keep.length ? v.filter((_, i) => keep[i]) : v,
      ]),
    )
  }

  async function checkScope(c: Context, scope: Scope, pattern: string, jurisdiction: string) {
    const refuse = (what: string) => {
      throw new AppError('FORBIDDEN', `${what} 不在您的管辖范围内 (outside your jurisdiction)`, {
        jurisdiction,
      })
    }
    if (scope === 'none') return
    if (scope === 'query-area') {
      const area = c.req.query('area')
      if (area === undefined || area === '') {
        // Missing: the jurisdiction stands in for "the whole city".
        const url = new URL(c.req.url)
        url.searchParams.set('area', jurisdiction)
        c.req.raw = new Request(url, c.req.raw)
        return
      }
      // A malformed code is left to the route's 400.
      if (AREA_ID.test(area) && (await outsideJurisdiction(db, jurisdiction, [area])).length > 0)
        refuse(`区域 ${area}`)
      return
    }
    if (scope === 'body-area') {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        return // the route's validator answers 400
      }
      const b = body as { area?: unknown; areaId?: unknown } | null
      const area = b?.area ?? b?.areaId
      if (typeof area !== 'string' || !AREA_ID.test(area)) return
      if ((await outsideJurisdiction(db, jurisdiction, [area])).length > 0) refuse(`区域 ${area}`)
      return
    }
    if (scope === 'compound-rows') return // filtered after the handler (filterCompoundRows)
    for (const param of scope.params ?? ['id']) {
      const id = paramOf(pattern, c.req.path, param)
      const areas = await areasOfRecord(db, scope.entity, id)
      if (areas === undefined) continue // malformed or unknown id: the route answers 400 / 404
      if ((await outsideJurisdiction(db, jurisdiction, areas)).length > 0)
        refuse(`${scope.entity} ${id}`)
    }
  }
}
