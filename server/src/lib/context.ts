import { OpenAPIHono, type z } from '@hono/zod-openapi'
import type { Db } from '../db/db.ts'
import type { Env } from '../env.ts'
import { validationHook } from './validation.ts'

/** What every route handler may use; passed to createApp, never read from globals. */
export interface Deps {
  db: Db
  env: Pick<Env, 'BASEMAP' | 'TIANDITU_KEY' | 'PMTILES_URL' | 'UPLOAD_LIMIT_MB'> &
    Partial<Pick<Env, 'TILE_CACHE_MB' | 'PAGE_FEATURE_LIMIT' | 'OIDC'>>
  log: Logger
}

export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void
  warn(msg: string, extra?: Record<string, unknown>): void
  error(msg: string, extra?: Record<string, unknown>): void
}

/** A router whose invalid input is answered by the shared 400 hook. */
export const router = () => new OpenAPIHono({ defaultHook: validationHook })

/** A JSON response described by a zod schema (the handler's c.json is type-checked against it). */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

/** A GeoJSON FeatureCollection serialised by the database and sent as is (see rawGeoJson). */
export const geoJsonContent = (description: string) => ({
  content: {
    'application/geo+json': {
      schema: { type: 'object' as const, description: 'GeoJSON FeatureCollection (RFC 7946)' },
    },
  },
  description,
})

/**
 * Sends GeoJSON text the database already serialised, without parsing it again. Typed `never`
 * because the route's typed response cannot describe a pre-serialised body; the OpenAPI document
 * still says what it is (geoJsonContent).
 */
export const rawGeoJson = (body: string): never =>
  new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/geo+json; charset=utf-8' },
  }) as never
