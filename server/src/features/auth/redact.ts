// Data minimisation at the response boundary: what a role may not see is taken out of every JSON
// answer by field name, whichever route produced it (middleware.ts applies it to leaders and
// viewers). Admins and planners (who only ever read inside their own jurisdiction) see everything.
import type { AuthUser } from './users.queries.ts'

const PHONE = /phone|mobile|电话|手机/i
const SECRETARY = /secretary|书记/i
const MEMBERS = /^members|^party_?members|党员/i

/** 13812341234 → 138****1234; short or odd numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  return digits.length > 2 ? `****${digits.slice(-2)}` : '****'
}

export type RedactionLevel = 'none' | 'mask-phones' | 'viewer'

/** How much a user's answers are reduced. */
export function redactionFor(user: AuthUser): RedactionLevel {
  if (user.role === 'admin' || user.role === 'planner') return 'none'
  return user.role === 'leader' ? 'mask-phones' : 'viewer'
}

/**
 * A copy of `value` without what `user` may not receive: leaders get masked phone numbers; viewers
 * get no secretary names or phones and no member counts (they see the map and aggregates only).
 */
export function redact<T>(user: AuthUser, value: T): T {
  const level = redactionFor(user)
  return level === 'none' ? value : (walk(value, level) as T)
}

function walk(value: unknown, level: RedactionLevel): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, level))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (level === 'viewer' && (PHONE.test(k) || SECRETARY.test(k) || MEMBERS.test(k))) continue
    if (PHONE.test(k) && typeof v === 'string') out[k] = maskPhone(v)
    else out[k] = walk(v, level)
  }
  return out
}

/** Cheap pre-check on a serialised body: could it hold anything `level` removes or masks? */
export function mayNeedRedaction(text: string, level: RedactionLevel): boolean {
  if (level === 'none') return false
  if (/phone|mobile|电话|手机/i.test(text)) return true
  return level === 'viewer' && /secretary|书记|members|党员/i.test(text)
}
