import { promisify } from 'node:util'
import { constants as zlib, gzip as gzipCb, gzipSync } from 'node:zlib'
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { requestVersions, type DataVersion } from '../../lib/data-version.ts'
import { router, type Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { currentUser } from '../auth/current-user.ts'
import type { SessionCache } from '../auth/session-cache.ts'
import { earlyRender, tileKey, tileView } from './early-render.ts'
import { tileCache, type CachedTile } from './tile-cache.ts'
import { jurisdictionScope, renderTile, type TileScope } from './tiles.queries.ts'
import { LAYERS, MAX_ZOOM } from './tile-math.ts'

const gzipAsync = promisify(gzipCb)
const GZIP = { level: zlib.Z_BEST_SPEED }
/** Tiles up to this size are gzipped on the event loop: quicker than a trip to the thread pool. */
const GZIP_INLINE_BYTES = 16 * 1024
/**
 * Fastest gzip level: an MVT is already compact, so level 6 saves ~4% more bytes for ~3× the time
 * (a 187 KB z12 tile of the nation: 3.1 ms → 106 KB at level 1, 10.3 ms → 102 KB at level 6).
 * Small tiles (most tiles at street zooms) take tens of microseconds in place, where the thread
 * pool's hand-off alone costs more; larger ones go to the pool so the event loop stays free.
 */
const gzip = async (raw: Uint8Array): Promise<Uint8Array> =>
  raw.byteLength <= GZIP_INLINE_BYTES ? gzipSync(raw, GZIP) : gzipAsync(raw, GZIP)

/** What the cache holds for a rendered tile: the protobuf and, unless empty, its gzip. */
const finish = async (raw: Uint8Array): Promise<CachedTile> => ({
  raw,
  gz: raw.byteLength ? await gzip(raw) : raw,
})

/** Bumped when the tiles' contents change shape, so browsers' copies from an older server miss. */
const TILE_SCHEMA = 't1'
export const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
const DEFAULT_CACHE_MB = 64

const int = (what: string) =>
  z
    .string()
    .regex(/^\d{1,8}$/, `${what} must be a non-negative integer`)
    .transform(Number)

const Params = z.object({
  layer: z.enum(LAYERS).openapi({ description: 'compounds or areas' }),
  z: int('z').pipe(z.number().max(MAX_ZOOM, `z must be at most ${MAX_ZOOM}`)),
  x: int('x'),
  // Hono reads `{y}.mvt` as one parameter, so y carries its suffix and is checked here.
  y: z
    .string()
    .regex(/^\d{1,8}\.mvt$/, 'y must be a tile row followed by .mvt, e.g. 1706.mvt')
    .transform((s) => Number(s.slice(0, -4)))
    .openapi({ type: 'string', example: '1706.mvt' }),
})

const route = createRoute({
  method: 'get',
  path: '/api/tiles/{layer}/{z}/{x}/{y}',
  summary:
    'Mapbox Vector Tile (XYZ, EPSG:3857, extent 4096, buffer 64) of compounds or areas; ETag = data version',
  description:
    'compounds: z < 8 empty; 8 ≤ z < 12 layer `compound_hexes` (hexagons: compounds, old, organised, coverage); ' +
    'z ≥ 12 layer `compounds` (feature id = compound id; id, status, members, households, isOld, communityId). ' +
    'areas: layer `areas` (feature id = area code; id, level, name, compounds, old, organised, coverage) of ' +
    'cities below z6, districts below z9, streets below z12, communities from z12 (no counts for cities). ' +
    'A tile with no feature is 204. 304 when If-None-Match carries the current ETag.',
  request: { params: Params },
  responses: {
    200: {
      content: { [MVT_TYPE]: { schema: { type: 'string' as const, format: 'binary' } } },
      description: 'The tile, gzipped when the client accepts gzip',
    },
    204: { description: 'No feature in this tile' },
    304: { description: 'Not modified since the ETag given in If-None-Match' },
  },
})

// Tiles change only with the data version, but must be revalidated so edits show at once.
const CACHE_CONTROL = 'public, max-age=0, must-revalidate'

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((t) => {
    const v = t.trim()
    return v === '*' || v.replace(/^W\//, '') === etag.replace(/^W\//, '')
  })

const acceptsGzip = (c: Context) => /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')

/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt with its own cache, keyed on the database's data version,
 * the view (jurisdiction and redaction, see tileView) and the tile; and `early`, the middleware
 * that starts a likely miss before the auth check (early-render.ts), to mount on /api/tiles/*
 * before the auth middleware. `sessions`: the auth middleware's session cache.
 */
export function tileFeature({ db, env }: Deps, sessions: Pick<SessionCache, 'peek'>) {
  const cache = tileCache((env.TILE_CACHE_MB ?? DEFAULT_CACHE_MB) * 1024 * 1024)
  // Communities and areas of each jurisdiction, for the data version they were read at.
  let scopesAt: DataVersion | undefined
  const scopes = new Map<string, Promise<{ communities: string[]; areas: string[] }>>()
  const scopeOf = (dv: DataVersion, area: string) => {
    if (scopesAt !== dv) {
      scopesAt = dv
      scopes.clear()
    }
    let p = scopes.get(area)
    if (!p) {
      p = jurisdictionScope(db, area)
      p.catch(() => scopes.get(area) === p && scopes.delete(area))
      scopes.set(area, p)
    }
    return p
  }
  const early = earlyRender({
    db,
    sessions,
    cached: (key) => cache.has(key),
    knownScope: (area) => {
      const scope = scopesAt === undefined ? undefined : scopes.get(area)
      return scope && { at: scopesAt!, scope }
    },
    finish,
  })
  const routes = router().openapi(route, async (c) => {
    const { layer, z: zoom, x, y } = c.req.valid('param')
    const n = 2 ** zoom
    if (x >= n) throw new AppError('BAD_REQUEST', `x must be below 2^z = ${n} at zoom ${zoom}`)
    if (y >= n) throw new AppError('BAD_REQUEST', `y must be below 2^z = ${n} at zoom ${zoom}`)
    const dv = (await requestVersions(c, db)).data
    const view = tileView(currentUser(c))
    // A scoped tile differs from the shared one: its ETag carries the view, so a browser's copy of
    // an admin's tile is never revalidated for a viewer (and the reverse).
    const etag = `W/"${TILE_SCHEMA}-${dv}${view ? `-${view.key}` : ''}"`
    const headers: Record<string, string> = {
      etag,
      'cache-control': CACHE_CONTROL,
      vary: 'Accept-Encoding',
    }
    if (matches(c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers }) as never
    let hit = true
    let renderedEarly = false
    const t = { z: zoom, x, y }
    const key = tileKey(view, layer, t)
    const tile = await cache.get(dv, key, async () => {
      hit = false
      const started = await early.take(c, key, dv)
      renderedEarly = started !== undefined
      if (started) return started
      const scope: TileScope | undefined = view && {
        ...(view.area ? await scopeOf(dv, view.area) : {}),
        dropMembers: view.dropMembers,
      }
      return finish(await renderTile(db, layer, t, scope))
    })
    // hit: served from this process's cache; miss: rendered (or shared with a concurrent render).
    headers['x-tile-cache'] = hit ? 'hit' : 'miss'
    // early: this miss was rendered while the auth check ran (early-render.ts).
    if (renderedEarly) headers['x-tile-early'] = '1'
    if (tile.raw.byteLength === 0) return new Response(null, { status: 204, headers }) as never
    const gz = acceptsGzip(c)
    const body = gz ? tile.gz : tile.raw
    return new Response(body as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        ...headers,
        'content-type': MVT_TYPE,
        'content-length': String(body.byteLength),
        ...(gz ? { 'content-encoding': 'gzip' } : {}),
      },
    }) as never
  })
  return { routes, early: early.middleware }
}
