import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../../lib/errors.ts'

/** Largest JSON (any non-multipart) request body the API reads: 2 MiB. Uploads have their own limit. */
export const JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024

/**
 * The Content-Security-Policy: nothing from another origin, except the basemap a user configured
 * (Tianditu's tile servers, or a PMTiles archive at an absolute URL). MapLibre runs its worker from
 * a blob: URL and decodes images through blob:/data:; React sets inline style attributes.
 */
export function contentSecurityPolicy(extraOrigins: string[] = []): string {
  const extra = extraOrigins.length ? ` ${extraOrigins.join(' ')}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Origins the CSP must allow for the configured basemap; none for the plain offline basemap. */
export function basemapOrigins(env: {
  BASEMAP: string
  PMTILES_URL?: string | undefined
}): string[] {
  if (env.BASEMAP === 'tianditu') return ['https://*.tianditu.gov.cn']
  if (env.BASEMAP === 'pmtiles' && env.PMTILES_URL && /^https?:\/\//.test(env.PMTILES_URL))
    return [new URL(env.PMTILES_URL).origin]
  return []
}

/** Security headers on every answer, page and API alike. */
export function securityHeaders(csp: string): MiddlewareHandler {
  const headers: [string, string][] = [
    ['content-security-policy', csp],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'no-referrer'],
    ['x-frame-options', 'DENY'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['permissions-policy', 'camera=(), microphone=(), geolocation=()'],
  ]
  return async (c, next) => {
    await next()
    // Set on the finished response in place: c.header() after next() rebuilds the Response on
    // every call, which cost about a tenth of a cached tile's CPU (as Hono's secureHeaders does).
    for (const [name, value] of headers) c.res.headers.set(name, value)
  }
}

/** 413 for a non-multipart body above JSON_BODY_LIMIT_BYTES, before anything reads it. */
export function jsonBodyLimit(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: JSON_BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `请求内容超过 ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB 的上限 (request body too large)`,
        { limitBytes: JSON_BODY_LIMIT_BYTES },
      )
    },
  })
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) return next()
    return limit(c, next)
  }
}
