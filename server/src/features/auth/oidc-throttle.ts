// Throttles of single sign-on, kept in memory per process: how often one client address may start a
// sign-in or come back with a callback, and which states have been spent. A callback can make us
// call the issuer's token endpoint and verify a token, so a flood of forged or replayed callbacks
// would cost outbound requests and CPU and could get us rate-limited by the identity provider; these
// checks run before anything is fetched. See README.md ("Single sign-on", throttles).

/** The window of both address throttles. */
export const OIDC_WINDOW_MS = 60_000
/** `start` requests one address may make per window (each one is counted). */
export const OIDC_START_MAX = 60
/**
 * Callbacks one address may make per window that did not end in a session: every callback is
 * counted when it arrives (so a concurrent burst cannot slip through) and given back when it signs
 * someone in, so an office behind one address never runs out however many colleagues sign in.
 */
export const OIDC_CALLBACK_MAX = 20
/** At most this many addresses are tracked per throttle before expired ones are swept. */
const SWEEP_AT = 10_000
/** At most this many spent states are remembered (each for its flow's remaining life). */
const SPENT_MAX = 50_000

export type Take = { ok: true } | { ok: false; retryAfterMs: number; firstRefusal: boolean }

/**
 * A fixed window per key that starts at the key's first attempt: `max` attempts are let through,
 * the rest are refused until the window ends.
 */
export class AttemptThrottle {
  private readonly hits = new Map<string, { count: number; until: number; refused: number }>()

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts an attempt of `key`, or refuses it (then `firstRefusal` is true once per window). */
  take(key: string): Take {
    const now = this.now()
    let h = this.hits.get(key)
    if (!h || h.until <= now) {
      h = { count: 0, until: now + this.windowMs, refused: 0 }
      this.hits.set(key, h)
      if (this.hits.size > SWEEP_AT) this.sweep(now)
    }
    if (h.count >= this.max) {
      h.refused += 1
      return { ok: false, retryAfterMs: h.until - now, firstRefusal: h.refused === 1 }
    }
    h.count += 1
    return { ok: true }
  }

  /** Gives back an attempt that turned out legitimate (a callback that signed someone in). */
  refund(key: string) {
    const h = this.hits.get(key)
    if (h && h.until > this.now() && h.count > 0) h.count -= 1
  }

  private sweep(now: number) {
    for (const [k, h] of this.hits) if (h.until <= now) this.hits.delete(k)
  }
}

/**
 * States whose callback has been handled by this process: a replayed flow cookie (with its state)
 * is refused before the token endpoint is called again. The cookie's signature and expiry are the
 * other processes' defence; the address throttle bounds the rest.
 */
export class SpentStates {
  /** state → the flow's expiry (ms); insertion order = spending order. */
  private readonly spent = new Map<string, number>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Marks `state` spent until `exp`; false when it was spent already. */
  spend(state: string, exp: number): boolean {
    const now = this.now()
    const until = this.spent.get(state)
    if (until !== undefined && until > now) return false
    this.spent.set(state, exp)
    if (this.spent.size > SPENT_MAX) {
      for (const [s, e] of this.spent) if (e <= now) this.spent.delete(s)
      // Still full of live states: forget the oldest (their cookies expire soonest).
      for (const s of this.spent.keys()) {
        if (this.spent.size <= SPENT_MAX) break
        this.spent.delete(s)
      }
    }
    return true
  }
}
