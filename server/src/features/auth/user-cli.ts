// `npm run user -- add|passwd|disable|enable|list …`: account management from the command line.
import { parseArgs } from 'node:util'
import type { Db } from '../../db/db.ts'
import { sql } from '../../db/sql.ts'
import { setSubject } from './oidc.queries.ts'
import { hashPassword, MIN_PASSWORD_LENGTH, randomPassword } from './password.ts'
import {
  insertUser,
  listUsers,
  ROLES,
  setDisabled,
  setPassword,
  type Role,
} from './users.queries.ts'

export const USAGE = `usage: npm run user -- <command>
  add <username> --role admin|planner|leader|viewer [--area <area code>] [--name <显示名>] [--password-stdin]
      [--oidc-subject '<issuer>|<sub>']      link to a single sign-on subject at once
      [--no-password]                        single sign-on only: the password form never opens it
  passwd <username> [--password-stdin]       new password (random unless read from stdin); ends its sessions
  disable <username> | enable <username>     disabling ends every session of the account
  link-oidc <username> '<issuer>|<sub>'      link to a single sign-on subject (the audit log's
                                             auth.oidc.login_failed entries name unknown ones)
  unlink-oidc <username>
  list
A random password is printed once; with --password-stdin the first line of stdin is used instead.
The embedded database cannot be opened while the server runs on it: stop \`npm start\` first.`

export interface CliIo {
  out: (line: string) => void
  /** The first line of standard input (only read with --password-stdin). */
  readPassword: () => Promise<string>
}

/** A single sign-on subject as stored: `<issuer URL>|<sub>`. */
function checkSubject(subject: string): string {
  const cut = subject.indexOf('|', subject.indexOf('://') + 3)
  if (cut <= 0 || cut === subject.length - 1 || !/^https?:\/\//.test(subject))
    throw new Error(`an OIDC subject is written '<issuer URL>|<sub>', got '${subject}'`)
  return subject
}

/** Runs one command; returns the exit code. Errors are reported through `io.out` with code 1. */
export async function runUserCommand(db: Db, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      area: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'oidc-subject': { type: 'string' },
      'no-password': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, username, subjectArg] = positionals
  const fail = (msg: string) => {
    io.out(`error: ${msg}`)
    return 1
  }
  if (values.help || !command) {
    io.out(USAGE)
    return command || values.help ? 0 : 1
  }
  const newPassword = async () => {
    if (!values['password-stdin']) return { password: randomPassword(), shown: true }
    const password = (await io.readPassword()).replace(/\r?\n$/, '')
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new Error(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`)
    return { password, shown: false }
  }
  const needName = () => {
    if (!username) throw new Error(`${command} needs a username`)
    return username
  }

  try {
    switch (command) {
      case 'list': {
        for (const u of await listUsers(db))
          io.out(
            [
              u.username.padEnd(16),
              u.role.padEnd(8),
              (u.jurisdiction ? `${u.jurisdiction.name}(${u.jurisdiction.id})` : '全市').padEnd(24),
              u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active',
              `${u.sessions} session(s)`,
              u.displayName,
            ].join(' '),
          )
        return 0
      }
      case 'add': {
        const name = needName()
        if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(name))
          return fail('a username has 1-64 letters, digits or _ . @ -')
        const role = values.role as Role | undefined
        if (!role || !ROLES.includes(role)) return fail(`--role must be one of ${ROLES.join(', ')}`)
        const area = values.area ?? null
        if (area) {
          const [found] = await db.query(sql`SELECT 1 FROM area WHERE id = ${area}`)
          if (!found) return fail(`--area ${area} is not a known area code`)
        }
        const [taken] = await db.query(sql`SELECT 1 FROM app_user WHERE username = ${name}`)
        if (taken) return fail(`user ${name} already exists`)
        const { password, shown } = values['no-password']
          ? { password: null, shown: false }
          : await newPassword()
        await insertUser(db, {
          username: name,
          displayName: values.name?.trim() || name,
          role,
          jurisdictionAreaId: role === 'admin' ? null : area,
          passwordHash: password === null ? null : await hashPassword(password),
          oidcSubject: values['oidc-subject'] ? checkSubject(values['oidc-subject']) : null,
        })
        io.out(`added ${name} (${role}${area && role !== 'admin' ? `, ${area}` : ''})`)
        if (shown) io.out(`password (shown once): ${password}`)
        return 0
      }
      case 'passwd': {
        const name = needName()
        const { password, shown } = await newPassword()
        if (!(await setPassword(db, name, await hashPassword(password))))
          return fail(`no user ${name}`)
        io.out(`password of ${name} changed; its sessions were ended`)
        if (shown) io.out(`password (shown once): ${password}`)
        return 0
      }
      case 'disable':
      case 'enable': {
        const name = needName()
        if (!(await setDisabled(db, name, command === 'disable'))) return fail(`no user ${name}`)
        io.out(`${name} ${command}d`)
        return 0
      }
      case 'link-oidc':
      case 'unlink-oidc': {
        const name = needName()
        const subject = command === 'link-oidc' ? checkSubject(subjectArg ?? '') : null
        if (subject) {
          const [other] = await db.query<{ username: string }>(
            sql`SELECT username FROM app_user WHERE oidc_subject = ${subject} AND username <> ${name}`,
          )
          if (other) return fail(`${subject} is already linked to ${other.username}`)
        }
        if (!(await setSubject(db, name, subject))) return fail(`no user ${name}`)
        io.out(subject ? `${name} linked to ${subject}` : `${name} unlinked from single sign-on`)
        return 0
      }
      default:
        return fail(`unknown command ${command}\n${USAGE}`)
    }
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e))
  }
}
