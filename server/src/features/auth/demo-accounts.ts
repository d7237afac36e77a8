import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { hashPassword, randomPassword } from './password.ts'
import { countUsers, insertUser, type Role } from './users.queries.ts'

export interface DemoAccount {
  username: string
  password: string
  role: Role
  displayName: string
  jurisdiction: { id: string; name: string } | null
}

/**
 * On a database without accounts, creates one account per role so a new user can try each: an
 * admin, a planner of the first street, a leader of the first district and a viewer of the whole
 * city, each with a random password. Returns them (passwords included) to be shown once; returns
 * [] when any account exists. Nothing here logs.
 */
export async function ensureDemoAccounts(db: Db): Promise<DemoAccount[]> {
  if ((await countUsers(db)) > 0) return []
  const pick = async (level: string) => {
    const [a] = await db.query<{ id: string; name: string }>(
      sql`SELECT id, name FROM area WHERE level = ${level} ORDER BY id LIMIT 1`,
    )
    return a ?? null
  }
  const street = await pick('street')
  const district = await pick('district')
  const plan: Omit<DemoAccount, 'password'>[] = [
    { username: 'admin', role: 'admin', displayName: '系统管理员', jurisdiction: null },
    {
      username: 'planner',
      role: 'planner',
      displayName: `${street?.name ?? ''}规划员`,
      jurisdiction: street,
    },
    {
      username: 'leader',
      role: 'leader',
      displayName: `${district?.name ?? ''}领导`,
      jurisdiction: district,
    },
    { username: 'viewer', role: 'viewer', displayName: '访客', jurisdiction: null },
  ]
  const out: DemoAccount[] = []
  for (const p of plan) {
    const password = randomPassword()
    await insertUser(db, {
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      passwordHash: await hashPassword(password),
      jurisdictionAreaId: p.jurisdiction?.id ?? null,
    })
    out.push({ ...p, password })
  }
  return out
}

/** The one-time console notice listing the demo accounts and their passwords. */
export function demoAccountsNotice(accounts: DemoAccount[]): string {
  const lines = accounts.map(
    (a) =>
      `  ${a.username.padEnd(8)} ${a.password}  ${a.role.padEnd(8)} ${a.jurisdiction ? `${a.jurisdiction.name} (${a.jurisdiction.id})` : '全市 whole city'}`,
  )
  return [
    '',
    '演示账号已创建,密码只显示这一次 (demo accounts created; passwords are shown only this once):',
    ...lines,
    '  更改密码 change a password: npm run user -- passwd <username>',
    '',
  ].join('\n')
}
