// A fake OpenID Connect issuer inside the test process: node:http on 127.0.0.1 (random port) with an
// RSA and an EC signing key made by node:crypto, serving discovery, JWKS, an authorize endpoint that
// signs in `user` at once and redirects back with a code, and a token endpoint that checks the
// client secret, the redirect URI and the PKCE verifier (S256) before issuing a signed ID token.
// `next` bends the next token (or authorize answer) so tests can show each check refusing it.
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OidcConfig } from '../../server/src/env.ts'

export const CLIENT_ID = 'yuanluo-test'
export const CLIENT_SECRET = 'test client secret'

/** The server's single sign-on configuration for a fake issuer (the defaults of OIDC_SCOPES and OIDC_USERNAME_CLAIM). */
export const issuerConfig = (issuer: Pick<FakeIssuer, 'url'>): OidcConfig => ({
  issuer: issuer.url,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  scopes: ['openid', 'profile'],
  usernameClaim: 'preferred_username',
})

export interface Tweaks {
  /** Signing algorithm of the ID token (RS256 by default). */
  alg?: 'RS256' | 'ES256'
  /** Claims merged over the normal ones; a value of `undefined` removes the claim. */
  claims?: Record<string, unknown>
  /** The kid written in the token's header (default: the signing key's own). */
  kid?: string
  /** Flip a byte of the signature. */
  tamper?: boolean
  /** Authorize answers with this OAuth error instead of a code. */
  error?: string
  /** Authorize returns this state instead of the one it was given. */
  state?: string
  /** Authorize records this PKCE challenge instead of the one it was given (a verifier mismatch). */
  challenge?: string
}

export interface TokenRequest {
  status: number
  error?: string
  hadVerifier: boolean
  basicAuth: boolean
}

export interface FakeIssuer {
  /** The issuer identifier (also its base URL). */
  url: string
  /** Who signs in at the authorize endpoint. */
  user: { sub: string; preferred_username?: string; [claim: string]: unknown }
  /** Applied to the next authorize and token answer, then cleared. */
  next: Tweaks
  /** Every ID token and code issued (tests check none reaches the audit log). */
  issued: string[]
  tokenRequests: TokenRequest[]
  /** Fields merged over the discovery document (a misconfigured or hostile issuer). */
  discovery: Record<string, unknown>
  /** Entries served before the real keys in the JWKS (malformed keys). */
  extraKeys: unknown[]
  /** The path of every request received, in order. */
  requests: string[]
  close(): Promise<void>
}

interface Grant {
  clientId: string
  redirectUri: string
  nonce: string
  challenge: string
  tweaks: Tweaks
  used: boolean
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

function publicJwk(key: KeyObject, kid: string, alg: string): JsonWebKey {
  return { ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' }
}

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const keys = {
    RS256: {
      kid: 'rsa-1',
      private: rsa.privateKey,
      jwk: publicJwk(rsa.publicKey, 'rsa-1', 'RS256'),
    },
    ES256: { kid: 'ec-1', private: ec.privateKey, jwk: publicJwk(ec.publicKey, 'ec-1', 'ES256') },
  }
  const grants = new Map<string, Grant>()
  const state: FakeIssuer = {
    url: '',
    user: { sub: 'S-0001', preferred_username: 'sso-user' },
    next: {},
    issued: [],
    tokenRequests: [],
    discovery: {},
    extraKeys: [],
    requests: [],
    close: () => new Promise<void>((r) => server.close(() => r())),
  }

  const idToken = (g: Grant) => {
    const t = g.tweaks
    const alg = t.alg ?? 'RS256'
    const key = keys[alg]
    const now = Math.floor(Date.now() / 1000)
    const claims: Record<string, unknown> = {
      iss: state.url,
      aud: g.clientId,
      exp: now + 300,
      iat: now,
      nonce: g.nonce,
      ...state.user,
      ...t.claims,
    }
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k]
    const input = `${b64({ alg, typ: 'JWT', kid: t.kid ?? key.kid })}.${b64(claims)}`
    const sig =
      alg === 'ES256'
        ? sign('sha256', Buffer.from(input), { key: key.private, dsaEncoding: 'ieee-p1363' })
        : sign('sha256', Buffer.from(input), key.private)
    if (t.tamper) sig.writeUInt8(sig.readUInt8(sig.length - 1) ^ 1, sig.length - 1)
    return `${input}.${sig.toString('base64url')}`
  }

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(JSON.stringify(body))
  }
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', state.url)
      state.requests.push(url.pathname)
      if (url.pathname === '/.well-known/openid-configuration')
        return json(res, 200, {
          issuer: state.url,
          authorization_endpoint: `${state.url}/authorize`,
          token_endpoint: `${state.url}/token`,
          jwks_uri: `${state.url}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256', 'ES256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
          ...state.discovery,
        })
      if (url.pathname === '/jwks')
        return json(res, 200, { keys: [...state.extraKeys, keys.RS256.jwk, keys.ES256.jwk] })
      if (url.pathname === '/authorize') {
        const p = url.searchParams
        const tweaks = state.next
        state.next = {}
        const back = new URL(p.get('redirect_uri') ?? '')
        back.searchParams.set('state', tweaks.state ?? p.get('state') ?? '')
        if (tweaks.error) back.searchParams.set('error', tweaks.error)
        else if (
          p.get('response_type') !== 'code' ||
          p.get('client_id') !== CLIENT_ID ||
          p.get('code_challenge_method') !== 'S256' ||
          !p.get('code_challenge') ||
          !p.get('nonce') ||
          !p.get('scope')?.split(' ').includes('openid')
        )
          back.searchParams.set('error', 'invalid_request')
        else {
          const code = randomBytes(16).toString('base64url')
          state.issued.push(code)
          grants.set(code, {
            clientId: p.get('client_id')!,
            redirectUri: p.get('redirect_uri')!,
            nonce: p.get('nonce')!,
            challenge: tweaks.challenge ?? p.get('code_challenge')!,
            tweaks,
            used: false,
          })
          back.searchParams.set('code', code)
        }
        res.writeHead(302, { location: back.toString() })
        return res.end()
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = await readBody(req)
        const auth = req.headers.authorization ?? ''
        const basic = auth.startsWith('Basic ')
          ? Buffer.from(auth.slice(6), 'base64')
              .toString('utf8')
              .split(':')
              .map((s) => decodeURIComponent(s.replace(/\+/g, ' ')))
          : []
        const verifier = form.get('code_verifier')
        const record = (status: number, error?: string) => {
          state.tokenRequests.push({
            status,
            ...(error ? { error } : {}),
            hadVerifier: !!verifier,
            basicAuth: basic.length === 2,
          })
          return status === 200 ? undefined : json(res, status, { error })
        }
        if (basic[0] !== CLIENT_ID || basic[1] !== CLIENT_SECRET)
          return record(401, 'invalid_client')
        const grant = grants.get(form.get('code') ?? '')
        if (!grant || grant.used || form.get('grant_type') !== 'authorization_code')
          return record(400, 'invalid_grant')
        if (form.get('redirect_uri') !== grant.redirectUri) return record(400, 'invalid_grant')
        if (!verifier) return record(400, 'invalid_request')
        if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
          return record(400, 'invalid_grant')
        grant.used = true
        const token = idToken(grant)
        state.issued.push(token)
        record(200)
        return json(res, 200, {
          access_token: randomBytes(16).toString('base64url'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: token,
        })
      }
      json(res, 404, { error: 'not_found' })
    })().catch((e: unknown) => json(res, 500, { error: String(e) }))
  })
  server.listen(0, '127.0.0.1')
  await new Promise<void>((r) => server.once('listening', () => r()))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}
