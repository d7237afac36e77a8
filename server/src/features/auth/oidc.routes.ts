// Single sign-on through OpenID Connect (authorization code + PKCE S256, state, nonce). Both routes
// are public and answer 404 unless OIDC_ISSUER and its client are configured. The callback never
// answers an error page: every failure is audited and redirected to `/?login_error=<code>`, which
// the sign-in page turns into a Chinese message (web/src/features/auth/messages.ts).
import { timingSafeEqual } from 'node:crypto'
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { router, type Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import {
  FLOW_MINUTES,
  IssuerError,
  OidcClient,
  pkceChallenge,
  randomToken,
  type FlowState,
} from './oidc-client.ts'
import { TokenError, verifyIdToken, type IdTokenClaims } from './oidc-jwt.ts'
import {
  AttemptThrottle,
  OIDC_CALLBACK_MAX,
  OIDC_START_MAX,
  OIDC_WINDOW_MS,
  SpentStates,
} from './oidc-throttle.ts'
import {
  auditOidc,
  findUserBySubject,
  findUserForLink,
  linkSubject,
  oidcSubject,
  type OidcUserRow,
} from './oidc.queries.ts'
import { clientIp, isHttps } from './request-info.ts'
import { clearFailures, createSession } from './users.queries.ts'

/** The short-lived cookie holding state, nonce and PKCE verifier between start and callback. */
export const FLOW_COOKIE = 'yuanluo_oidc'
const FLOW_PATH = '/api/auth/oidc'
export const CALLBACK_PATH = '/api/auth/oidc/callback'

/** Every `login_error` the callback redirects with; the page has a message for each. */
export const LOGIN_ERRORS = [
  'issuer', // the issuer answered with an error (the user cancelled, or it refused the client)
  'state', // no, expired or mismatched state: a stale tab, a replay or a forged request
  'unavailable', // the issuer could not be reached or its discovery/keys are unusable
  'token', // the code could not be exchanged (wrong PKCE verifier, client secret, reused code)
  'signature', // the ID token's signature does not verify or its key is unknown
  'expired', // the ID token has expired
  'claims', // wrong issuer, audience, nonce or time claims
  'unknown_user', // no account linked to the subject nor named by the username claim
  'disabled', // the account is disabled
  'locked', // the account is locked after failed password sign-ins
  'throttled', // too many sign-ins started or failed callbacks from this address (oidc-throttle.ts)
] as const
export type LoginError = (typeof LOGIN_ERRORS)[number]

const start = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  summary:
    'Single sign-on: redirects to the OpenID Connect issuer (authorization code, PKCE S256); 404 unless OIDC_ISSUER is configured',
  responses: {
    302: {
      description:
        'To the issuer, with a signed HttpOnly cookie holding state, nonce and the PKCE verifier; a throttled browser navigation to /?login_error=throttled',
    },
    429: {
      description: `TOO_MANY: more than ${OIDC_START_MAX} sign-ins started from this address within ${OIDC_WINDOW_MS / 1000} s (Retry-After says when to try again)`,
    },
  },
})

const callback = createRoute({
  method: 'get',
  path: CALLBACK_PATH,
  summary:
    "Single sign-on: the issuer's redirect back; starts a session and redirects to /, or to /?login_error=<code>",
  request: {
    query: z.object({
      code: z.string().max(4096).optional(),
      state: z.string().max(512).optional(),
      error: z.string().max(256).optional(),
      error_description: z.string().max(2048).optional(),
      iss: z.string().max(2048).optional(),
      session_state: z.string().max(2048).optional(),
    }),
  },
  responses: {
    302: { description: 'Signed in (to /) or refused (to /?login_error=<code>)' },
    429: {
      description: `TOO_MANY: more than ${OIDC_CALLBACK_MAX} callbacks without a sign-in from this address within ${OIDC_WINDOW_MS / 1000} s, answered before the issuer is contacted (a browser navigation is redirected to /?login_error=throttled instead)`,
    },
  },
})

export interface OidcRouteOptions {
  trustProxy: boolean
  /** The session cookie exactly as the password sign-in sets it (auth.routes.ts). */
  setSessionCookie: (c: Context, token: string) => void
}

class Refusal extends Error {
  constructor(
    readonly code: LoginError,
    message: string,
    readonly user?: { id: number; username: string },
    /** `iss|sub`, so an administrator can link the account (`npm run user -- link-oidc`). */
    readonly subject?: string,
  ) {
    super(message)
  }
}

/** A browser following a link or a redirect (it should see the sign-in page's message, not JSON). */
const isNavigation = (c: Context) =>
  c.req.header('sec-fetch-mode') === 'navigate' ||
  (c.req.header('accept') ?? '').includes('text/html')

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export const oidcRoutes = ({ db, env }: Deps, opts: OidcRouteOptions) => {
  const config = env.OIDC
  const client = config ? new OidcClient(config) : undefined
  const configured = () => {
    if (!client)
      throw new AppError('NOT_FOUND', '未配置统一身份认证 (single sign-on is not configured)')
    return client
  }
  const redirectUri = (c: Context) => {
    if (config?.redirectUri) return config.redirectUri
    const host = new URL(c.req.url).host
    return `${isHttps(c, opts.trustProxy) ? 'https' : 'http'}://${host}${CALLBACK_PATH}`
  }
  const flowCookie = (c: Context, value: string | null) => {
    const secure = isHttps(c, opts.trustProxy)
    if (value === null) return deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH, secure })
    setCookie(c, FLOW_COOKIE, value, {
      httpOnly: true,
      // Lax: the issuer's redirect back is a top-level GET from another site.
      sameSite: 'Lax',
      path: FLOW_PATH,
      secure,
      maxAge: FLOW_MINUTES * 60,
    })
  }
  const noStore = (c: Context) => c.header('cache-control', 'no-store')

  const startsPerIp = new AttemptThrottle(OIDC_START_MAX, OIDC_WINDOW_MS)
  const callbacksPerIp = new AttemptThrottle(OIDC_CALLBACK_MAX, OIDC_WINDOW_MS)
  const spentStates = new SpentStates()

  /**
   * Counts this request against its address; over the limit answers before anything else is done
   * (no cookie read, no issuer contacted): 429 TOO_MANY, or for a browser navigation a redirect to
   * the sign-in page's message. The first refusal of each address and window is audited (not every
   * one, so a flood cannot fill audit_log).
   */
  const throttle = async (c: Context, route: 'start' | 'callback', ip: string) => {
    const throttler = route === 'start' ? startsPerIp : callbacksPerIp
    const taken = throttler.take(ip)
    if (taken.ok) return undefined
    const retryAfterS = Math.max(1, Math.ceil(taken.retryAfterMs / 1000))
    if (taken.firstRefusal)
      await auditOidc(db, 'throttled', '(throttled)', null, {
        ip,
        route,
        limit: throttler.max,
        windowS: throttler.windowMs / 1000,
        retryAfterS,
      })
    c.header('retry-after', String(retryAfterS))
    if (isNavigation(c)) return c.redirect('/?login_error=throttled', 302)
    const what =
      route === 'start'
        ? `more than ${throttler.max} single sign-ons started`
        : `more than ${throttler.max} single sign-on callbacks without a sign-in`
    throw new AppError(
      'TOO_MANY',
      `此地址的统一身份认证登录过于频繁,请 ${retryAfterS} 秒后再试 (${what} from this address within ${throttler.windowMs / 1000} s; try again in ${retryAfterS} s)`,
      {
        reason: route === 'start' ? 'oidc_start' : 'oidc_callback',
        limit: throttler.max,
        windowS: throttler.windowMs / 1000,
        retryAfterS,
      },
    )
  }

  /** Links (when needed) and vets the account of verified claims; throws Refusal. */
  const accountFor = async (
    claims: IdTokenClaims,
    extra: () => Promise<Record<string, unknown> | undefined>,
  ) => {
    const subject = oidcSubject(claims.iss, claims.sub)
    const linked = await findUserBySubject(db, subject)
    let user: OidcUserRow | undefined = linked
    if (!user) {
      const claim = config!.usernameClaim
      const source = claims[claim] !== undefined ? claims : await extra()
      const name = source?.[claim]
      // An address anyone may type into their account at the issuer is no evidence of owning it.
      if (claim === 'email' && source?.email_verified !== true && source?.email_verified !== 'true')
        throw new Refusal('unknown_user', 'the email claim is not verified', undefined, subject)
      if (typeof name !== 'string' || !name)
        throw new Refusal(
          'unknown_user',
          `no account linked and no ${config!.usernameClaim} claim`,
          undefined,
          subject,
        )
      user = await findUserForLink(db, name)
      if (!user)
        throw new Refusal(
          'unknown_user',
          `no account named by the ${config!.usernameClaim} claim`,
          undefined,
          subject,
        )
      if (user.oidcSubject !== null)
        throw new Refusal('unknown_user', 'the account is linked to another subject', user, subject)
      // A username claim may be chosen by its holder at some issuers: never enough to take an
      // administrator's account. Those are linked by subject only (npm run user -- link-oidc).
      if (user.role === 'admin')
        throw new Refusal(
          'unknown_user',
          'an administrator account is linked by subject only (npm run user -- link-oidc)',
          user,
          subject,
        )
    }
    if (user.disabled) throw new Refusal('disabled', 'the account is disabled', user, subject)
    if (user.lockedForS > 0) throw new Refusal('locked', 'the account is locked', user, subject)
    if (!linked) {
      if (!(await linkSubject(db, user.id, subject)))
        throw new Refusal('unknown_user', 'the subject is linked to another account', user, subject)
      await auditOidc(db, 'link', user.username, user.id, { subject })
    }
    return { user, subject }
  }

  return router()
    .openapi(start, async (c) => {
      const oidc = configured()
      noStore(c)
      const ip = clientIp(c, opts.trustProxy)
      const refused = await throttle(c, 'start', ip)
      if (refused) return refused
      let authorize: URL
      try {
        authorize = new URL((await oidc.metadata()).authorization_endpoint)
      } catch (e) {
        await auditOidc(db, 'login_failed', '(unknown user)', null, {
          ip,
          reason: 'unavailable',
          detail: (e as Error).message.slice(0, 300),
        })
        return c.redirect('/?login_error=unavailable', 302)
      }
      const flow: FlowState = {
        state: randomToken(),
        nonce: randomToken(),
        verifier: randomToken(),
        redirectUri: redirectUri(c),
        exp: Date.now() + FLOW_MINUTES * 60_000,
      }
      const params = {
        response_type: 'code',
        client_id: oidc.config.clientId,
        redirect_uri: flow.redirectUri,
        scope: oidc.config.scopes.join(' '),
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: pkceChallenge(flow.verifier),
        code_challenge_method: 'S256',
      }
      for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v)
      flowCookie(c, oidc.sealState(flow))
      return c.redirect(authorize.toString(), 302)
    })
    .openapi(callback, async (c) => {
      const oidc = configured()
      noStore(c)
      const q = c.req.valid('query')
      const ip = clientIp(c, opts.trustProxy)
      // Before the cookie is even read, let alone the issuer contacted.
      const refused = await throttle(c, 'callback', ip)
      if (refused) return refused
      const flow = oidc.openState(getCookie(c, FLOW_COOKIE))
      // One use: whatever happens next, this sign-in's cookie is spent.
      flowCookie(c, null)
      try {
        if (q.error)
          throw new Refusal(
            'issuer',
            `the issuer answered ${q.error}: ${q.error_description ?? ''}`,
          )
        // RFC 9207: an issuer that names itself must be ours (a mix-up with another issuer otherwise).
        if (q.iss !== undefined && q.iss !== oidc.config.issuer)
          throw new Refusal('issuer', `the answer comes from issuer ${q.iss}`)
        if (!flow) throw new Refusal('state', 'no sign-in in progress (missing or expired cookie)')
        if (!q.state || !sameText(q.state, flow.state))
          throw new Refusal('state', 'the state does not match the sign-in in progress')
        // The cookie is cleared in the browser, but a copy could be replayed: one callback per state.
        if (!spentStates.spend(flow.state, flow.exp))
          throw new Refusal('state', 'this sign-in was already completed or refused (a replay)')
        if (!q.code) throw new Refusal('issuer', 'the issuer sent no code')
        const { idToken, accessToken } = await oidc.exchangeCode(
          q.code,
          flow.verifier,
          flow.redirectUri,
        )
        const claims = await verifyIdToken(idToken, {
          issuer: oidc.config.issuer,
          clientId: oidc.config.clientId,
          nonce: flow.nonce,
          keys: (refresh) => oidc.keys(refresh),
        })
        const { user, subject } = await accountFor(claims, async () => {
          if (!accessToken) return undefined
          const info = await oidc.userinfo(accessToken)
          // Userinfo about another subject is not evidence about this one.
          return info && info.sub === claims.sub ? info : undefined
        })
        await clearFailures(db, user.id)
        const { token } = await createSession(db, user.id, {
          ip,
          userAgent: c.req.header('user-agent') ?? '',
        })
        await auditOidc(db, 'login', user.username, user.id, { ip, subject })
        // A sign-in is no abuse: it does not use up the address's callbacks.
        callbacksPerIp.refund(ip)
        opts.setSessionCookie(c, token)
        return c.redirect('/', 302)
      } catch (e) {
        const refusal =
          e instanceof Refusal
            ? e
            : e instanceof TokenError
              ? new Refusal(e.problem, e.message)
              : e instanceof IssuerError
                ? new Refusal(e.problem, e.message)
                : undefined
        if (!refusal) throw e
        await auditOidc(
          db,
          'login_failed',
          refusal.user?.username ?? '(unknown user)',
          refusal.user?.id ?? null,
          {
            ip,
            reason: refusal.code,
            detail: refusal.message.slice(0, 300),
            ...(refusal.subject ? { subject: refusal.subject } : {}),
          },
        )
        return c.redirect(`/?login_error=${refusal.code}`, 302)
      }
    })
}
