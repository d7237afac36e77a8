// Early render (PostgreSQL only). A tile miss used to cost two round trips one after the other: the
// request's versions (the auth middleware checks the session against the auth version, the route
// keys its cache on the data version), then the tile statement. When the request's session cookie
// is one this process holds live and the tile is not cached, this middleware, which runs before
// the auth middleware, starts the tile at once in ONE statement that also reads both versions:
//
// - the request takes its versions from that statement (provideRequestVersions); the statement
//   started after the request arrived, so the guarantee of lib/data-version.ts holds, and the tile
//   is exactly the data of the version it is cached under (one snapshot);
// - the auth middleware then checks the session against those versions as it always does: a
//   session revoked meanwhile is refused, and its tile is thrown away unsent;
// - the route uses the tile only for the key it was cut for (the view of the user the middleware
//   let through) and, for a jurisdiction, only if the jurisdiction's scope was read at the same
//   data version; otherwise it renders as usual.
//
// Nothing starts for a request without a live cached session (a sign-in, a stranger), for a tile
// the cache holds or is making (a likely hit), for a revalidation (If-None-Match: likely a 304), or
// for a tile another request is rendering early: that request's render is shared instead (`take`),
// if it read the same data version as this request's own read. (Without the sharing, 100 clients
// asking for the same tiles at once each rendered them, and a 5-minute mixed load ran its first
// minute at a sixth of its speed.)
// On PGlite the versions are in memory and cost nothing, so there is nothing to overlap.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import {
  provideRequestVersions,
  VERSIONS_QUERY,
  type DataVersion,
  type Versions,
} from '../../lib/data-version.ts'
import { SESSION_COOKIE } from '../auth/middleware.ts'
import type { SessionCache } from '../auth/session-cache.ts'
import type { AuthUser } from '../auth/users.queries.ts'
import type { CachedTile } from './tile-cache.ts'
import { MAX_ZOOM, planTile, type LayerName, type TileId } from './tile-math.ts'
import { mvtQuery, type TileScope } from './tiles.queries.ts'

/**
 * What a user may see in tiles: undefined for everything (admins, and users without a
 * jurisdiction who may see member counts); else the jurisdiction's area (or undefined = all) and
 * whether member counts are dropped (viewers). `key` names the view in cache keys and ETags.
 */
export function tileView(user: AuthUser | undefined) {
  if (!user || user.role === 'admin') return undefined
  const area = user.jurisdiction?.id
  const dropMembers = user.role === 'viewer'
  if (!area && !dropMembers) return undefined
  return { area, dropMembers, key: `${area ?? 'all'}${dropMembers ? '-nm' : ''}` }
}
export type TileView = ReturnType<typeof tileView>

/** The tile cache's key of a tile for a view. */
export const tileKey = (view: TileView, layer: LayerName, { z, x, y }: TileId) =>
  `${view ? view.key : '*'}/${layer}/${z}/${x}/${y}`

/** A jurisdiction's scope (communities and areas) and the data version it was read at. */
export interface KnownScope {
  at: DataVersion
  scope: Promise<Pick<TileScope, 'communities' | 'areas'>>
}

export interface EarlyRenderParts {
  db: Db
  sessions: Pick<SessionCache, 'peek'>
  /** The cache holds or is making this key: a likely hit, not worth an early render. */
  cached(key: string): boolean
  /** The scope of a jurisdiction as last read, if it was. */
  knownScope(area: string): KnownScope | undefined
  /** Turns the statement's protobuf into what the cache holds (gzip). */
  finish(raw: Uint8Array): Promise<CachedTile>
}

interface EarlyTile {
  key: string
  /** The data version the jurisdiction's scope was read at (undefined: no scope used). */
  scopeAt: DataVersion | undefined
  result: Promise<{ versions: Versions; tile: CachedTile }>
}

const KEY = 'yuanluo.earlyTile'
const PATH = /^\/api\/tiles\/(compounds|areas)\/(\d{1,8})\/(\d{1,8})\/(\d{1,8})\.mvt$/

export interface EarlyRender {
  /** The middleware (mount on /api/tiles/* before the auth middleware). */
  middleware: MiddlewareHandler
  /**
   * A tile rendered early for `key` that may stand for a render now, if any: this request's own,
   * or another request's still in flight. It must have been cut for `key` (the view of the user
   * the auth middleware let through), at data version `dv` (the request's), and for a
   * jurisdiction with the scope read at `dv` too. Undefined: render as usual.
   */
  take(c: Context, key: string, dv: DataVersion): Promise<CachedTile | undefined>
}

export function earlyRender(parts: EarlyRenderParts): EarlyRender {
  const { db } = parts
  /** Early renders in flight, by cache key. */
  const inFlight = new Map<string, EarlyTile>()
  const usable = async (early: EarlyTile | undefined, key: string, dv: DataVersion) => {
    if (!early || early.key !== key || (early.scopeAt !== undefined && early.scopeAt !== dv)) return
    const done = await early.result.catch(() => undefined)
    return done?.versions.data === dv ? done.tile : undefined
  }
  return {
    middleware: async (c, next) => {
      if (db.driver === 'pg' && !c.req.header('if-none-match')) start(c)
      return next()
    },
    take: async (c, key, dv) =>
      (await usable(c.get(KEY as never) as EarlyTile | undefined, key, dv)) ??
      (await usable(inFlight.get(key), key, dv)),
  }

  function start(c: Context) {
    const m = PATH.exec(c.req.path)
    if (!m) return
    const layer = m[1] as LayerName
    const t = { z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) }
    if (t.z > MAX_ZOOM || t.x >= 2 ** t.z || t.y >= 2 ** t.z) return // the route answers 400
    const token = getCookie(c, SESSION_COOKIE)
    const session = token && token.length <= 200 ? parts.sessions.peek(token) : undefined
    if (!session) return
    const view = tileView(session.user)
    const key = tileKey(view, layer, t)
    if (parts.cached(key) || inFlight.has(key)) return
    const known = view?.area ? parts.knownScope(view.area) : undefined
    if (view?.area && !known) return
    if (planTile(layer, t).kind === 'empty') return // z < 8 compounds: no statement to overlap
    const result = (async () => {
      const scope: TileScope | undefined = view && {
        ...(known ? await known.scope : {}),
        dropMembers: view.dropMembers,
      }
      const q = mvtQuery(layer, t, scope)! // the plan is not empty
      const [row] = await db.query<{ v: string; a: string; tile: Uint8Array | null }>(
        sql`SELECT dv.v, dv.a, t.tile FROM (${VERSIONS_QUERY}) dv, (${q}) t`,
      )
      if (!row) throw new Error('data_version has no row: is migration 0006 applied?')
      const tile = await parts.finish(row.tile ?? new Uint8Array(0))
      return { versions: { data: row.v, auth: row.a }, tile }
    })()
    // Whoever awaits these sees a failure; unawaited (the request refused first), it is dropped.
    result.catch(() => {})
    const versions = result.then((r) => r.versions)
    versions.catch(() => {})
    provideRequestVersions(c, versions)
    const early: EarlyTile = { key, scopeAt: known?.at, result }
    c.set(KEY as never, early as never)
    inFlight.set(key, early)
    void result.catch(() => {}).finally(() => inFlight.get(key) === early && inFlight.delete(key))
  }
}
