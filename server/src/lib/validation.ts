import { z } from '@hono/zod-openapi'
import type { Hook } from '@hono/zod-openapi'
import type { Env as HonoEnv } from 'hono'
import { AppError } from './errors.ts'

/** Area ids are statistical division codes: 6 digits (city, district), 9 (street) or 12 (community). */
export const AreaId = z
  .string()
  .regex(/^\d{6}(\d{3}){0,2}$/, 'must be a 6, 9 or 12 digit area code')
  .openapi({ example: '510104' })

/** A bounding box "west,south,east,north" in degrees (EPSG:4326). */
export const Bbox = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => Number(p.trim()))
    const [w, south, e, n] = parts as [number, number, number, number]
    const problem =
      parts.length !== 4 || parts.some((p) => !Number.isFinite(p))
        ? 'must be four numbers west,south,east,north'
        : w < -180 || e > 180 || south < -90 || n > 90
          ? 'is outside -180..180 longitude / -90..90 latitude'
          : w >= e || south >= n
            ? 'must have west < east and south < north'
            : undefined
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return [w, south, e, n] as [number, number, number, number]
  })
  .openapi({ type: 'string', example: '104.05,30.64,104.08,30.67' })

/** A comma-separated list of allowed values. */
export const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s, ctx) => {
      const items = s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
      const bad = items.filter((v) => !values.includes(v as T))
      if (bad.length > 0 || items.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown value(s) ${bad.join(', ') || '(empty)'}; allowed: ${values.join(', ')}`,
        })
        return z.NEVER
      }
      return items as T[]
    })
    .openapi({ type: 'string', example: values.slice(0, 2).join(',') })

/** Turns a failed zod validation into a 400 naming each bad field, through the app's onError. */
export const validationHook: Hook<unknown, HonoEnv, string, unknown> = (result) => {
  if (result.success) return
  const issues = result.error.issues.map((i) => ({
    field: i.path.join('.') || '(root)',
    message: i.message,
  }))
  const summary = issues.map((i) => `${i.field} ${i.message}`).join('; ')
  throw new AppError('BAD_REQUEST', `invalid ${result.target}: ${summary}`, { issues })
}
