import { resolve } from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL + PostGIS server; when unset the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files. */
  DATA_DIR: z.string().default('.data/pglite'),
  /** Load the seeded demo city into an empty database at start. */
  DEMO_CITY: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  DEMO_SEED: z.coerce.number().int().default(20041),
  DEMO_SCALE: z.coerce.number().positive().max(2).default(1),
  /** Basemap: 'plain' needs nothing from outside; 'tianditu' needs TIANDITU_KEY; 'pmtiles' a local file URL. */
  BASEMAP: z.enum(['plain', 'tianditu', 'pmtiles']).default('plain'),
  TIANDITU_KEY: z.string().optional(),
  PMTILES_URL: z.string().optional(),
  /** A local PMTiles archive the server itself serves at /basemap.pmtiles (with range requests). */
  PMTILES_FILE: z.string().optional(),
  /** The built web app to serve; empty disables static serving (API only). */
  WEB_DIST: z.string().default('web/dist'),
  /** Largest upload an import accepts, in MB; 200 when unset. */
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(10_000).optional(),
  /** Memory for each process's cache of encoded vector tiles, in MB; 0 disables it. */
  TILE_CACHE_MB: z.coerce.number().min(0).max(100_000).default(64),
  /** Most compounds the page downloads as one GeoJSON; above it the page draws vector tiles. */
  PAGE_FEATURE_LIMIT: z.coerce.number().int().min(0).max(10_000_000).default(60_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Sign-in is always required; the only accepted value, so AUTH=off fails start instead of opening the API. */
  AUTH: z
    .literal('required', { error: 'sign-in cannot be turned off (only "required")' })
    .default('required'),
  /** Behind a reverse proxy: believe its X-Forwarded-For and X-Forwarded-Proto (Secure cookies over HTTPS). */
  TRUST_PROXY: z
    .enum(['1', '0', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Single sign-on through OpenID Connect: all of issuer, client id and secret, or none (oidcConfig). */
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().optional(),
  OIDC_SCOPES: z.string().optional(),
  OIDC_USERNAME_CLAIM: z.string().optional(),
})

/** Single sign-on settings, present only when an operator configured OIDC_ISSUER and its client. */
export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  /** Absent: `<origin of the request>/api/auth/oidc/callback`. */
  redirectUri?: string
  scopes: string[]
  usernameClaim: string
}

export type Env = z.infer<typeof EnvSchema> & { OIDC?: OidcConfig }

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** An https URL, or http to this machine only (a test issuer); else throws naming the variable. */
function secureUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`invalid configuration: ${name} is not a URL`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new Error(`invalid configuration: ${name} must be an https URL (http only for localhost)`)
  return value
}

/** The OIDC_* variables: none set → undefined; some but not all required → throws naming the missing one. */
export function oidcConfig(env: z.infer<typeof EnvSchema>): OidcConfig | undefined {
  const names = [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_REDIRECT_URI',
    'OIDC_SCOPES',
    'OIDC_USERNAME_CLAIM',
  ] as const
  if (names.every((n) => !env[n]?.trim())) return undefined
  for (const n of names.slice(0, 3))
    if (!env[n]?.trim())
      throw new Error(
        `invalid configuration: ${n} is missing (single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)`,
      )
  const scopes = (env.OIDC_SCOPES?.trim() || 'openid profile').split(/\s+/)
  return {
    issuer: secureUrl('OIDC_ISSUER', env.OIDC_ISSUER!.trim()),
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!,
    ...(env.OIDC_REDIRECT_URI?.trim()
      ? { redirectUri: secureUrl('OIDC_REDIRECT_URI', env.OIDC_REDIRECT_URI.trim()) }
      : {}),
    scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
  }
}

/** Where the server serves PMTILES_FILE. */
export const PMTILES_PATH = '/basemap.pmtiles'

/** Reads and validates configuration; the only place that reads process.env. Throws naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration: ${problems.join('; ')}`)
  }
  const env = parsed.data
  if (env.BASEMAP === 'tianditu' && !env.TIANDITU_KEY)
    throw new Error('invalid configuration: BASEMAP=tianditu needs TIANDITU_KEY')
  if (env.BASEMAP === 'pmtiles' && !env.PMTILES_URL && !env.PMTILES_FILE)
    throw new Error('invalid configuration: BASEMAP=pmtiles needs PMTILES_FILE or PMTILES_URL')
  const OIDC = oidcConfig(env)
  return {
    ...env,
    ...(OIDC ? { OIDC } : {}),
    DATA_DIR: resolve(env.DATA_DIR),
    WEB_DIST: env.WEB_DIST && resolve(env.WEB_DIST),
    PMTILES_FILE: env.PMTILES_FILE && resolve(env.PMTILES_FILE),
    // A local file is served by us, so the page asks for it on our own origin.
    PMTILES_URL: env.PMTILES_URL ?? (env.PMTILES_FILE ? PMTILES_PATH : undefined),
  }
}
