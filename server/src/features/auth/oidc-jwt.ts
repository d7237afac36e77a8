// Verification of an OpenID Connect ID token (a JWS in compact form) with node:crypto only:
// the signature by the issuer's key named by `kid` (RS256/384/512, PS256, ES256/384), then the
// claims of OpenID Connect Core 3.1.3.7: iss, aud (and azp), exp, iat, nonce. Pure but for the key
// lookup, which the caller passes in (oidc-client.ts caches the issuer's JWKS).
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

/** Why a token is refused; the callback turns each into a `login_error` code for the page. */
export type TokenProblem = 'signature' | 'expired' | 'claims'

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message)
    this.name = 'TokenError'
  }
}

export interface Jwk extends JsonWebKey {
  kid?: string
  kty?: string
  alg?: string
  use?: string
}

interface AlgSpec {
  kty: 'RSA' | 'EC'
  hash: string
  pss?: boolean
  crv?: string
}

/** The accepted algorithms; `none` and the HMAC ones (a public client id is no key) never are. */
const ALGS: Record<string, AlgSpec> = {
  RS256: { kty: 'RSA', hash: 'sha256' },
  RS384: { kty: 'RSA', hash: 'sha384' },
  RS512: { kty: 'RSA', hash: 'sha512' },
  PS256: { kty: 'RSA', hash: 'sha256', pss: true },
  ES256: { kty: 'EC', hash: 'sha256', crv: 'P-256' },
  ES384: { kty: 'EC', hash: 'sha384', crv: 'P-384' },
}

/** Seconds of clock difference tolerated between us and the issuer. */
export const CLOCK_SKEW_S = 60

export interface IdTokenClaims {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat: number
  nonce?: string
  azp?: string
  [claim: string]: unknown
}

export interface VerifyOptions {
  issuer: string
  clientId: string
  nonce: string
  /** The issuer's keys; called again with `refresh` once when no key carries the token's kid. */
  keys: (refresh: boolean) => Promise<Jwk[]>
  /** Seconds since the epoch; now by default. */
  now?: number
}

const b64json = (part: string, what: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new TokenError('signature', `the ID token's ${what} is not JSON`)
}

function keyFor(jwks: Jwk[], kid: string | undefined, alg: string, spec: AlgSpec): Jwk | undefined {
  const usable = jwks.filter(
    (k) =>
      k.kty === spec.kty &&
      (k.use === undefined || k.use === 'sig') &&
      (k.alg === undefined || k.alg === alg) &&
      (spec.crv === undefined || k.crv === spec.crv),
  )
  if (kid !== undefined) return usable.find((k) => k.kid === kid)
  // A token without kid is only accepted when the issuer publishes a single suitable key.
  return usable.length === 1 ? usable[0] : undefined
}

function checkSignature(key: KeyObject, spec: AlgSpec, data: Buffer, sig: Buffer): boolean {
  try {
    if (spec.kty === 'EC') return verify(spec.hash, data, { key, dsaEncoding: 'ieee-p1363' }, sig)
    if (spec.pss)
      return verify(
        spec.hash,
        data,
        { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 },
        sig,
      )
    return verify(spec.hash, data, key, sig)
  } catch {
    return false
  }
}

/** Verifies an ID token and returns its claims; throws TokenError naming what is wrong. */
export async function verifyIdToken(token: string, opts: VerifyOptions): Promise<IdTokenClaims> {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
    throw new TokenError('signature', 'the ID token is not a signed JWT')
  const [h, p, s] = parts as [string, string, string]
  const header = b64json(h, 'header')
  const alg = typeof header.alg === 'string' ? header.alg : ''
  // Own entries only: `constructor`, `__proto__` or `toString` would otherwise find Object.prototype.
  const spec = Object.hasOwn(ALGS, alg) ? ALGS[alg] : undefined
  if (!spec)
    throw new TokenError('signature', `the ID token's algorithm ${alg || '(none)'} is not accepted`)
  if (header.crit !== undefined)
    throw new TokenError('signature', 'critical JWS extensions are not supported')
  const kid = typeof header.kid === 'string' ? header.kid : undefined

  let jwk = keyFor(await opts.keys(false), kid, alg, spec)
  // The issuer may have rotated its keys since we cached them.
  if (!jwk) jwk = keyFor(await opts.keys(true), kid, alg, spec)
  if (!jwk)
    throw new TokenError(
      'signature',
      `the issuer publishes no ${alg} key with kid ${kid ?? '(none)'}`,
    )
  let key: KeyObject
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' })
  } catch {
    throw new TokenError('signature', `the issuer's key ${kid ?? ''} cannot be read`)
  }
  const bits = key.asymmetricKeyDetails?.modulusLength
  if (spec.kty === 'RSA' && (bits === undefined || bits < 2048))
    throw new TokenError('signature', `the issuer's RSA key ${kid ?? ''} is shorter than 2048 bits`)
  if (!checkSignature(key, spec, Buffer.from(`${h}.${p}`), Buffer.from(s, 'base64url')))
    throw new TokenError('signature', 'the ID token signature does not verify')

  const claims = b64json(p, 'payload')
  const now = opts.now ?? Math.floor(Date.now() / 1000)
  if (claims.iss !== opts.issuer)
    throw new TokenError(
      'claims',
      `the ID token's issuer ${String(claims.iss)} is not ${opts.issuer}`,
    )
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 255)
    throw new TokenError('claims', 'the ID token has no subject')
  const aud = claims.aud
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (!audiences.includes(opts.clientId))
    throw new TokenError('claims', 'the ID token is not meant for this client (aud)')
  if (audiences.length > 1 && claims.azp === undefined)
    throw new TokenError('claims', 'the ID token has several audiences but no azp')
  if (claims.azp !== undefined && claims.azp !== opts.clientId)
    throw new TokenError('claims', 'the ID token was issued to another party (azp)')
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number')
    throw new TokenError('claims', 'the ID token lacks exp or iat')
  if (claims.exp + CLOCK_SKEW_S <= now) throw new TokenError('expired', 'the ID token has expired')
  if (claims.iat - CLOCK_SKEW_S > now)
    throw new TokenError('claims', 'the ID token was issued in the future (clock skew?)')
  if (typeof claims.nonce !== 'string' || claims.nonce !== opts.nonce)
    throw new TokenError('claims', 'the ID token answers another sign-in (nonce)')
  return claims as IdTokenClaims
}
