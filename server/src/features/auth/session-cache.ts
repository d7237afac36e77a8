// Sessions cached in the process, keyed by the SHA-256 of the cookie token (what user_session.id
// holds), so a request whose session is cached runs no session query. Exact across processes: an
// entry is used only while the auth version read for the request (lib/data-version.ts, the same
// read as the data version) is the one it was cached under; migration 0010's triggers bump that
// version in the transaction that signs out, changes a password, disables an account or changes its
// role or jurisdiction. An entry is also dropped at the session's absolute expiry and when it has
// been idle longer than `session_idle_minutes` in this process (the database, which other processes
// touch, then decides). A sign-in bumps nothing: a new session is just a miss.
import type { Db } from '../../db/db.ts'
import type { AuthVersion } from '../../lib/data-version.ts'
import {
  lookupSession,
  tokenHash,
  touchLiveSession,
  TOUCH_MS,
  type SessionUser,
} from './users.queries.ts'

export type SessionAnswer = { state: 'live'; session: SessionUser } | { state: 'idle' } | undefined

interface Entry {
  session: SessionUser
  /** Process clock (ms): absolute expiry, last request, last write of last_seen_at. */
  expiresAt: number
  lastSeen: number
  lastWritten: number
  idleLimitMs: number
}

export interface SessionCacheOptions {
  /** Entries kept at most (least recently used dropped first). */
  maxEntries?: number
  now?: () => number
}

export interface SessionCache {
  /** The session of `token` as of `authVersion` (read for this request). */
  get(token: string, authVersion: AuthVersion): Promise<SessionAnswer>
  /**
   * The session of `token` if this process holds it live, as of the last auth version read; no
   * query, no bookkeeping. A guess for work that may start before the request's own check (see
   * features/tiles/early-render.ts): never a substitute for `get`.
   */
  peek(token: string): SessionUser | undefined
  readonly stats: { hits: number; misses: number; entries: number }
}

export function sessionCache(db: Db, opts: SessionCacheOptions = {}): SessionCache {
  const maxEntries = opts.maxEntries ?? 10_000
  const now = opts.now ?? Date.now
  let version: AuthVersion | undefined
  const entries = new Map<string, Entry>()
  const pending = new Map<string, Promise<SessionAnswer>>()
  const stats = { hits: 0, misses: 0, entries: 0 }

  const miss = async (token: string, id: string, v: AuthVersion): Promise<SessionAnswer> => {
    const found = await lookupSession(db, token)
    if (!found || found.state === 'idle') return found
    const t = now()
    // A newer version was read meanwhile: this answer may predate it, so it is not kept.
    if (version === v) {
      entries.set(id, {
        session: found.session,
        expiresAt: t + found.expiresInMs,
        lastSeen: t,
        lastWritten: t - found.idleForMs,
        idleLimitMs: found.idleLimitMs,
      })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      stats.entries = entries.size
    }
    return { state: 'live', session: found.session }
  }

  return {
    stats,
    peek(token) {
      const e = entries.get(tokenHash(token))
      const t = now()
      return e && t < e.expiresAt && t - e.lastSeen <= e.idleLimitMs ? e.session : undefined
    },
    async get(token, v) {
      if (v !== version) {
        version = v
        entries.clear()
        pending.clear()
      }
      const id = tokenHash(token)
      const e = entries.get(id)
      const t = now()
      if (e && t < e.expiresAt && t - e.lastSeen <= e.idleLimitMs) {
        // Bookkeeping before any await: a revocation meanwhile clears the map, and nothing after
        // the await may put this entry back under the new version.
        e.lastSeen = t
        entries.delete(id)
        entries.set(id, e) // most recently used last
        let live = true
        if (t - e.lastWritten >= TOUCH_MS) {
          e.lastWritten = t
          // Only while the database still counts it live: another process may have answered
          // 'idle' meanwhile (this process's last request can be up to a minute newer than the
          // database's), and a write here would revive the session for every process.
          live = await touchLiveSession(db, id, e.idleLimitMs)
        }
        if (live) {
          stats.hits++
          return { state: 'live', session: e.session }
        }
      }
      // Expired, idle as far as this process knows (another may have seen requests), or timed out
      // as far as the database knows: ask.
      if (e && entries.get(id) === e) entries.delete(id)
      stats.entries = entries.size
      const shared = pending.get(id)
      if (shared) return shared
      stats.misses++
      const p = miss(token, id, v).finally(() => {
        if (pending.get(id) === p) pending.delete(id)
      })
      pending.set(id, p)
      return p
    },
  }
}
