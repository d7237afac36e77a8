// The page with sign-in required: the sign-in form (Chinese errors, nothing typed lost but the
// password), the map under the Content-Security-Policy, a compound whose name is markup shown as
// text, and sign-out ending the session.
import { expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { SCREENSHOTS, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

const XSS = '<script>alert(1)</script>'
const PASSWORD = 'e2e password 1234'

describeWithBrowser('security in the browser', (getBrowser) => {
  const app = serveSmallDemoCity({ auth: 'required' })

  it('signs in through the page, shows markup in a compound name as text, and signs out', async () => {
    const db = app.db()
    await insertUser(db, {
      username: 'planner1',
      displayName: '测试管理员',
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: null,
    })
    const [target] = await db.query<{ id: number }>(
      sql`UPDATE compound SET name = ${XSS} WHERE id = (SELECT min(id) FROM compound) RETURNING id`,
    )

    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const cspViolations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
    })

    await page.goto(app.url())
    await page.locator('form.login-card').waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` })

    // A wrong password: a Chinese message that does not say whether the user exists.
    await page.locator('input[name="username"]').fill('planner1')
    await page.locator('input[name="password"]').fill('not the password')
    await page.getByRole('button', { name: '登录' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('用户名或密码错误')
    expect(await page.locator('input[name="username"]').inputValue()).toBe('planner1')

    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('user-menu').waitFor()
    expect(await page.getByTestId('user-menu').textContent()).toContain('测试管理员')
    // The map starts under the Content-Security-Policy (its worker, WebGL, the API).
    await page.locator('.maplibregl-canvas').waitFor()

    // The session cookie is not readable from script.
    expect(await page.evaluate(() => document.cookie)).not.toContain('yuanluo_session')

    // The compound named with markup, through the ledger's search and its panel.
    await page.getByTestId('view-ledger').click()
    await page.getByTestId('ledger-search').fill('script')
    const row = page.getByTestId('ledger-row').filter({ hasText: XSS })
    await row.first().waitFor({ timeout: 30_000 })
    await row.first().click()
    const name = page.getByTestId('compound-name')
    await name.waitFor({ timeout: 30_000 })
    expect(await name.textContent()).toContain(XSS)
    const injected = await page.evaluate(
      () =>
        [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert(1)'))
          .length,
    )
    expect(injected).toBe(0)
    await page.screenshot({ path: `${SCREENSHOTS}/xss-as-text.png` })
    expect(dialogs).toEqual([])
    expect(target).toBeDefined()

    // Sign out: the sign-in page again, and the old cookie opens nothing.
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name === 'yuanluo_session')!
    expect(session.httpOnly).toBe(true)
    expect(session.sameSite).toBe('Lax')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.locator('form.login-card').waitFor()
    const after = await fetch(`${app.url()}/api/auth/me`, {
      headers: { cookie: `yuanluo_session=${session.value}` },
    })
    expect(after.status).toBe(401)

    expect(cspViolations).toEqual([])
    expect(outside).toEqual([])
    await page.close()
  })

  it('tells a user whose session idled out, or ended elsewhere, why the sign-in page came back', async () => {
    const db = app.db()
    await insertUser(db, {
      username: 'idle1',
      displayName: '超时测试',
      role: 'viewer',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: null,
    })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const signInAs = async () => {
      await page.locator('input[name="username"]').fill('idle1')
      await page.locator('input[name="password"]').fill(PASSWORD)
      await page.getByRole('button', { name: '登录' }).click()
      await page.getByTestId('user-menu').waitFor()
    }
    const sessionsOf = sql`user_id = (SELECT id FROM app_user WHERE username = 'idle1')`
    await page.goto(app.url())
    await signInAs()

    // No request for longer than session_idle_minutes (30 by default): the next visit says so.
    await db.query(sql`UPDATE user_session SET last_seen_at = now() - interval '2 hours'
      WHERE ${sessionsOf}`)
    await page.reload()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('登录已超时,请重新登录')
    await page.screenshot({ path: `${SCREENSHOTS}/session-idle.png` })

    // Signed out everywhere from elsewhere while the page is open: its next request brings the
    // sign-in page back saying the session ended, not that a password was wrong.
    await signInAs()
    await db.query(sql`DELETE FROM user_session WHERE ${sessionsOf}`)
    await page.evaluate(() => fetch('/api/stats').then((r) => r.status))
    await alert.waitFor()
    expect(await alert.textContent()).toContain('登录已失效')
    await page.close()
  })
})
