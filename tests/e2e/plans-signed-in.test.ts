// The plans workspace with sign-in required: no 规划人 field to fill, and the plan is recorded as
// written by the signed-in account, even when this browser still remembers a typed planner name.
import { expect, it } from 'vitest'
import { sql } from '../../server/src/db/sql.ts'
import { hashPassword } from '../../server/src/features/auth/password.ts'
import { insertUser } from '../../server/src/features/auth/users.queries.ts'
import { describeWithBrowser } from '../helpers/browser.ts'
import { hookValue, serveSmallDemoCity, watchOutsideRequests } from './serve-app.ts'

const STREET = '510104002'
const PASSWORD = 'e2e planner password 1234'

describeWithBrowser('plans when signed in', (getBrowser) => {
  const app = serveSmallDemoCity({ auth: 'required' })

  it('shows no planner field and records the signed-in account as the plan’s author', async () => {
    const db = app.db()
    await insertUser(db, {
      username: 'zhang',
      displayName: '张规划',
      role: 'planner',
      passwordHash: await hashPassword(PASSWORD),
      jurisdictionAreaId: STREET,
    })
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } })
    const outside = watchOutsideRequests(page, app.url())
    // A name typed in this browser before sign-in existed must not become the author.
    await page.addInitScript(() => localStorage.setItem('yuanluo.planner', '规划员甲'))
    await page.goto(app.url())
    await page.locator('input[name="username"]').fill('zhang')
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('user-menu').waitFor()
    await expect
      .poll(() => hookValue(page, 'compoundsDrawn'), { timeout: 90_000 })
      .toBeGreaterThan(0)

    await page.getByTestId('view-plans').click()
    await page.getByTestId('plans-panel').waitFor()
    // A street planner starts in the street: the picker is fixed on it, nothing to choose.
    await expect
      .poll(() => page.locator('.area-picker select').nth(1).inputValue(), { timeout: 30_000 })
      .toBe(STREET)
    await page.getByTestId('plan-create').waitFor()
    expect(await page.locator('input[name="planner"]').count()).toBe(0)
    await page.getByTestId('plan-create').click()
    await page.getByTestId('plan-editor').waitFor({ timeout: 30_000 })
    expect(await page.locator('input[name="planner"]').count()).toBe(0)
    const planId = Number(new URL(page.url()).searchParams.get('plan'))
    expect(planId).toBeGreaterThan(0)

    const [row] = await db.query<{ created_by: string; updated_by: string }>(
      sql`SELECT created_by, updated_by FROM plan WHERE id = ${planId}`,
    )
    expect(row).toEqual({ created_by: 'zhang', updated_by: 'zhang' })
    const actors = await db.query<{ actor: string }>(
      sql`SELECT actor FROM audit_log WHERE entity = 'plan' AND entity_id = ${String(planId)}`,
    )
    expect(actors.map((a) => a.actor)).toEqual(['zhang'])
    expect(outside).toEqual([])
    await page.close()
  }, 240_000)
})
