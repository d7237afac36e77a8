/**
 * Failed sign-ins counted in memory per key (a client address, or a username that names no
 * account): at `max` failures within `windowMs` the key is refused until the window ends. Accounts
 * that exist are locked in the database instead (users.queries.ts recordFailure).
 */
export class FailureThrottle {
  private readonly hits = new Map<string, { count: number; until: number }>()

  constructor(
    private readonly max: () => number,
    private readonly windowMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the key is still refused; 0 when it may try. */
  blockedFor(key: string): number {
    const h = this.hits.get(key)
    if (!h || h.until <= this.now()) return 0
    return h.count >= this.max() ? h.until - this.now() : 0
  }

  /** Counts a failure; true when this one reached the limit. */
  fail(key: string): boolean {
    const now = this.now()
    let h = this.hits.get(key)
    if (!h || h.until <= now) h = { count: 0, until: now + this.windowMs() }
    h.count += 1
    this.hits.set(key, h)
    if (this.hits.size > 10_000) this.sweep()
    return h.count === this.max()
  }

  reset(key: string) {
    this.hits.delete(key)
  }

  private sweep() {
    const now = this.now()
    for (const [k, h] of this.hits) if (h.until <= now) this.hits.delete(k)
  }
}
