import { describe, expect, it } from 'vitest'
import { AttemptThrottle, SpentStates } from './oidc-throttle.ts'

describe('AttemptThrottle', () => {
  it('lets max attempts through per key and window, refuses the rest until the window ends', () => {
    let now = 1_000_000
    const t = new AttemptThrottle(3, 60_000, () => now)
    for (let i = 0; i < 3; i++) expect(t.take('a')).toEqual({ ok: true })
    now += 10_000
    expect(t.take('a')).toEqual({ ok: false, retryAfterMs: 50_000, firstRefusal: true })
    expect(t.take('a')).toEqual({ ok: false, retryAfterMs: 50_000, firstRefusal: false })
    // Other keys have their own count.
    expect(t.take('b')).toEqual({ ok: true })
    now += 49_999
    expect(t.take('a')).toMatchObject({ ok: false, retryAfterMs: 1 })
    now += 1
    expect(t.take('a')).toEqual({ ok: true })
    // A new window: its first refusal is reported again.
    t.take('a')
    t.take('a')
    expect(t.take('a')).toMatchObject({ ok: false, firstRefusal: true })
  })

  it('gives back a refunded attempt within its window only', () => {
    let now = 0
    const t = new AttemptThrottle(2, 1_000, () => now)
    t.take('a')
    t.take('a')
    t.refund('a')
    expect(t.take('a')).toEqual({ ok: true })
    expect(t.take('a').ok).toBe(false)
    // A refund never goes below zero, nor into a new window.
    now = 1_000
    t.refund('a')
    t.refund('unknown')
    t.take('a')
    t.take('a')
    expect(t.take('a').ok).toBe(false)
  })
})

describe('SpentStates', () => {
  it('refuses a state spent before, until its flow has expired', () => {
    let now = 0
    const s = new SpentStates(() => now)
    expect(s.spend('x', 600_000)).toBe(true)
    expect(s.spend('x', 600_000)).toBe(false)
    expect(s.spend('y', 600_000)).toBe(true)
    now = 600_000
    // The cookie itself is expired by then (openState refuses it); the entry may be reused.
    expect(s.spend('x', 1_200_000)).toBe(true)
  })
})
