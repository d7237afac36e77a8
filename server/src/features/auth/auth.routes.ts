import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { requestAuth } from './current-user.ts'
import { SESSION_COOKIE, type AuthMode } from './middleware.ts'
import { dummyHash, verifyPassword } from './password.ts'
import { oidcRoutes } from './oidc.routes.ts'
import { clientIp, isHttps } from './request-info.ts'
import { FailureThrottle } from './throttle.ts'
import {
  auditAuth,
  clearFailures,
  createSession,
  endAllSessions,
  endSession,
  findUserByUsername,
  loginSettings,
  recordFailure,
  ROLES,
  SESSION_HOURS,
  type LoginSettings,
} from './users.queries.ts'

/** Failed sign-ins one client address may make per window before it is refused for the window. */
export const IP_MAX_FAILURES = 20

const Jurisdiction = z.object({ id: z.string(), name: z.string(), level: z.string() })
const User = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    jurisdiction: Jurisdiction.nullable(),
  })
  .openapi('User')
const Session = z
  .object({ user: User, csrfToken: z.string(), mode: z.enum(['required', 'header']) })
  .openapi('Session')

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in with a username and password; sets the HttpOnly session cookie',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            username: z.string().trim().min(1).max(64),
            password: z.string().min(1).max(1024),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(Session, 'Signed in: the user and the token to send as x-csrf-token'),
  },
})

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  summary: 'The signed-in user and the CSRF token of the session; 401 when signed out',
  responses: { 200: jsonContent(Session, 'The user') },
})

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'End this session (removed from the database) and clear the cookie',
  responses: { 200: jsonContent(z.object({ ended: z.number() }), 'Sessions ended') },
})

const logoutAll = createRoute({
  method: 'post',
  path: '/api/auth/logout-all',
  summary: 'End every session of the signed-in user, on every device',
  responses: { 200: jsonContent(z.object({ ended: z.number() }), 'Sessions ended') },
})

export interface AuthRouteOptions {
  mode: AuthMode
  trustProxy: boolean
}

const WRONG = '用户名或密码错误 (wrong username or password)'

export const authRoutes = (deps: Deps, opts: AuthRouteOptions) => {
  const { db } = deps
  let settings: LoginSettings = { maxFailures: 5, lockMinutes: 15 }
  const perIp = new FailureThrottle(
    () => IP_MAX_FAILURES,
    () => settings.lockMinutes * 60_000,
  )
  // Usernames that name no account lock like real ones, so a lock reveals nothing.
  const perUnknownName = new FailureThrottle(
    () => settings.maxFailures,
    () => settings.lockMinutes * 60_000,
  )
  const locked = (seconds: number) =>
    new AppError(
      'TOO_MANY',
      `登录失败次数过多,账号已临时锁定,请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试 (too many failed sign-ins; try again later)`,
      { reason: 'locked', retryAfterS: Math.ceil(seconds) },
    )

  const cookie = (c: Context, token: string) =>
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isHttps(c, opts.trustProxy),
      maxAge: SESSION_HOURS * 3600,
    })

  return router()
    .route('/', oidcRoutes(deps, { trustProxy: opts.trustProxy, setSessionCookie: cookie }))
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json')
      settings = await loginSettings(db)
      const ip = clientIp(c, opts.trustProxy)
      const ipBlock = perIp.blockedFor(ip)
      if (ipBlock > 0) {
        await auditAuth(db, 'throttled', '(throttled)', null, { ip })
        throw new AppError(
          'TOO_MANY',
          `此地址登录失败次数过多,请 ${Math.ceil(ipBlock / 60_000)} 分钟后再试 (too many failed sign-ins from this address)`,
          { reason: 'address', retryAfterS: Math.ceil(ipBlock / 1000) },
        )
      }
      const user = await findUserByUsername(db, username)
      if (!user) {
        const nameBlock = perUnknownName.blockedFor(username)
        if (nameBlock > 0) throw locked(nameBlock / 1000)
        await verifyPassword(password, await dummyHash())
        perIp.fail(ip)
        const nowLocked = perUnknownName.fail(username)
        // The attempted name may be a mistyped password: it is not recorded.
        await auditAuth(db, 'login_failed', '(unknown user)', null, { ip, reason: 'unknown user' })
        if (nowLocked) throw locked(settings.lockMinutes * 60)
        throw new AppError('UNAUTHENTICATED', WRONG)
      }
      if (user.lockedForS > 0) {
        await auditAuth(db, 'login_failed', user.username, user.id, { ip, reason: 'locked' })
        throw locked(user.lockedForS)
      }
      const ok = user.passwordHash !== null && (await verifyPassword(password, user.passwordHash))
      if (!ok || user.disabled) {
        perIp.fail(ip)
        const nowLocked = await recordFailure(
          db,
          user.id,
          settings.maxFailures,
          settings.lockMinutes,
        )
        await auditAuth(db, 'login_failed', user.username, user.id, {
          ip,
          reason: ok ? 'disabled' : 'wrong password',
        })
        if (nowLocked) {
          await auditAuth(db, 'lockout', user.username, user.id, {
            ip,
            minutes: settings.lockMinutes,
          })
          throw locked(settings.lockMinutes * 60)
        }
        throw new AppError('UNAUTHENTICATED', WRONG)
      }
      await clearFailures(db, user.id)
      const { token, csrfToken } = await createSession(db, user.id, {
        ip,
        userAgent: c.req.header('user-agent') ?? '',
      })
      await auditAuth(db, 'login', user.username, user.id, { ip })
      cookie(c, token)
      const { id, displayName, role, jurisdiction } = user
      return c.json(
        {
          user: { id, username: user.username, displayName, role, jurisdiction },
          csrfToken,
          mode: opts.mode,
        },
        200,
      )
    })
    .openapi(me, async (c) => {
      const auth = requestAuth(c)!
      return c.json({ user: auth.user, csrfToken: auth.csrfToken ?? '', mode: opts.mode }, 200)
    })
    .openapi(logout, async (c) => {
      const auth = requestAuth(c)!
      let ended = 0
      if (auth.sessionId) {
        await endSession(db, auth.sessionId)
        await auditAuth(db, 'logout', auth.user.username, auth.user.id, {
          ip: clientIp(c, opts.trustProxy),
        })
        ended = 1
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, opts.trustProxy) })
      return c.json({ ended }, 200)
    })
    .openapi(logoutAll, async (c) => {
      const auth = requestAuth(c)!
      let ended = 0
      if (auth.via === 'session') {
        ended = await endAllSessions(db, auth.user.id)
        await auditAuth(db, 'logout_all', auth.user.username, auth.user.id, {
          ip: clientIp(c, opts.trustProxy),
          ended,
        })
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, opts.trustProxy) })
      return c.json({ ended }, 200)
    })
}
