// Single sign-on in the browser: the sign-in page shows 政务统一身份认证登录 when the server has an
// issuer; clicking it goes to the (fake, loopback) issuer and back, and lands signed in. An account
// that is not provisioned comes back to the sign-in page with a Chinese message.
import { afterAll, expect, it } from 'vitest'
import { OIDC_CALLBACK_MAX } from '../../server/src/features/auth/oidc-throttle.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { AUTH_MESSAGES } from '../../web/src/features/auth/messages.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { issuerConfig, startFakeIssuer } from '../helpers/fake-oidc.ts'
import { SCREENSHOTS, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

// Started before the app, whose configuration names it.
const issuer = await startFakeIssuer()
afterAll(() => issuer.close())

describeWithBrowser('single sign-on in the browser', (getBrowser) => {
  const app = serveSmallDemoCity({
    auth: 'required',
    env: {
      OIDC: issuerConfig(issuer),
    },
  })

  it('signs in through the SSO button, and explains a refusal in Chinese', async () => {
    await insertUser(app.db(), {
      username: 'sso-leader',
      displayName: '统一认证用户',
      role: 'leader',
      passwordHash: null,
      jurisdictionAreaId: null,
    })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    // The issuer is another origin on this machine (like a government SSO on the intranet), so
    // its requests are told apart by exact origin: watchOutsideRequests compares by prefix, and
    // 127.0.0.1:<issuer port> is "outside" the page's origin for it.
    const outside = watchOutsideRequests(page, app.url())
    const requested: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    const origin = (u: string) => new URL(u).origin

    // An account the administrator has not provisioned: back on the sign-in page, in Chinese.
    issuer.user = { sub: 'S-UNKNOWN', preferred_username: 'not-provisioned' }
    await page.goto(app.url())
    const button = page.getByTestId('sso-sign-in')
    await button.waitFor()
    expect(await button.textContent()).toBe('政务统一身份认证登录')
    await page.screenshot({ path: `${SCREENSHOTS}/sso-sign-in.png` })
    await button.click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('统一身份认证账号尚未开通本系统权限,请联系管理员开通')
    // The code is taken out of the address, so a reload does not show it again.
    expect(new URL(page.url()).search).toBe('')
    await page.screenshot({ path: `${SCREENSHOTS}/sso-refused.png` })

    // The provisioned account: signed in and on the map.
    issuer.user = { sub: 'S-LEADER', preferred_username: 'sso-leader' }
    await button.click()
    await page.getByTestId('user-menu').waitFor()
    expect(await page.getByTestId('user-menu').textContent()).toContain('统一认证用户')
    await page.locator('.maplibregl-canvas').waitFor()
    expect(origin(page.url())).toBe(app.url())
    expect(new URL(page.url()).pathname).toBe('/')
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name === 'yuanluo_session')!
    expect(session.httpOnly).toBe(true)
    expect(session.sameSite).toBe('Lax')
    // The flow cookie was spent.
    expect(cookies.find((c) => c.name === 'yuanluo_oidc')).toBeUndefined()

    // The only requests beyond the page's origin were the two visits to the issuer's authorize page.
    const elsewhere = requested.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && origin(u) !== app.url(),
    )
    expect(elsewhere.map((u) => `${origin(u)}${new URL(u).pathname}`)).toEqual([
      `${issuer.url}/authorize`,
      `${issuer.url}/authorize`,
    ])
    expect(outside.filter((u) => origin(u) !== issuer.url)).toEqual([])
    await page.close()
  })

  // Last in this file: it leaves this machine's address throttled for a minute.
  it('sends a browser flooding the callback to the sign-in page with a Chinese message, never to the issuer', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    const tokenRequests = issuer.tokenRequests.length
    const landed: string[] = []
    // Forged callbacks (no flow cookie): refused as `state` until the address is throttled.
    for (let i = 0; i <= OIDC_CALLBACK_MAX; i++) {
      await page.goto(`${app.url()}/api/auth/oidc/callback?code=forged-${i}&state=forged`)
      await page.getByRole('alert').waitFor()
      landed.push((await page.getByRole('alert').textContent()) ?? '')
      if (landed.at(-1)!.includes('过于频繁')) break
    }
    // The earlier test left one failed callback, so the limit is reached within the loop.
    expect(landed.length).toBeGreaterThanOrEqual(OIDC_CALLBACK_MAX)
    expect(landed.slice(0, -1).every((t) => t === AUTH_MESSAGES['zh-CN'].ssoErrors.state)).toBe(
      true,
    )
    expect(landed.at(-1)).toBe(AUTH_MESSAGES['zh-CN'].ssoErrors.throttled)
    expect(new URL(page.url()).search).toBe('')
    await page.screenshot({ path: `${SCREENSHOTS}/sso-throttled.png` })
    expect(issuer.tokenRequests.length).toBe(tokenRequests)
    expect(outside).toEqual([])
    await page.close()
  })
})
