import { describe, expect, it } from 'vitest'
import { clipTo, MIN_FREE, paddingClearOf, unionOf, type Rect } from './focus-padding.ts'

const BASE = { top: 90, bottom: 40, left: 24, right: 24 }
const W = 1280
const H = 800

/** The dashboard as laid out at 1280 × 800: a 440 px column and the gap card beside it. */
const DASH_COLUMN: Rect = { left: 12, top: 76, right: 452, bottom: 788 }
const GAP_CARD: Rect = { left: 464, top: 520, right: 794, bottom: 788 }

/** The free part a padding leaves. */
const freeOf = (p: typeof BASE): Rect => ({
  left: p.left,
  top: p.top,
  right: W - p.right,
  bottom: H - p.bottom,
})

describe('paddingClearOf', () => {
  it('keeps the base padding with no panel over the map', () =>
    expect(paddingClearOf(W, H, BASE, [])).toEqual(BASE))

  it('frames right of the dashboard column as wide as it really is (not the figures column)', () => {
    const p = paddingClearOf(W, H, BASE, [DASH_COLUMN])
    expect(p).toEqual({ ...BASE, left: 452 + 24 })
    expect(clipTo(DASH_COLUMN, freeOf(p))).toBeUndefined()
  })

  it('follows a narrower column too (the figures column, 320 px)', () => {
    const p = paddingClearOf(W, H, BASE, [{ left: 12, top: 76, right: 332, bottom: 400 }])
    expect(p.left).toBe(332 + 24)
  })

  it('keeps the framed part clear of the column and of the gap card beside it', () => {
    const p = paddingClearOf(W, H, BASE, [GAP_CARD, DASH_COLUMN])
    const free = freeOf(p)
    expect(clipTo(DASH_COLUMN, free)).toBeUndefined()
    expect(clipTo(GAP_CARD, free)).toBeUndefined()
    // The card is cleared from below (that leaves more map than clearing it from the left).
    expect(p).toEqual({ ...BASE, left: 476, bottom: H - 520 + 24 })
  })

  it('clears a compound panel on the right by the right side', () => {
    const panel = { left: 880, top: 76, right: 1268, bottom: 788 }
    const p = paddingClearOf(W, H, BASE, [DASH_COLUMN, panel])
    expect(p.right).toBe(W - 880 + 24)
    expect(p.left).toBe(476)
  })

  it('ignores a panel that would leave less than the smallest useful part', () => {
    const narrow = 600
    const p = paddingClearOf(narrow, H, BASE, [{ left: 12, top: 76, right: 500, bottom: 788 }])
    expect(p).toEqual(BASE)
    expect(narrow - p.left - p.right).toBeGreaterThanOrEqual(MIN_FREE)
  })

  it('ignores panels outside the map or already clear of the framed part', () => {
    const topbar = { left: 12, top: 12, right: 1268, bottom: 64 }
    expect(
      paddingClearOf(W, H, BASE, [topbar, { left: -500, top: 0, right: -10, bottom: 50 }]),
    ).toEqual(BASE)
  })
})

describe('unionOf / clipTo', () => {
  it('measures a column by its panels, cut to the column', () => {
    const panels = [
      { left: 12, top: 76, right: 452, bottom: 300 },
      { left: 12, top: 312, right: 452, bottom: 1400 },
    ]
    expect(clipTo(unionOf(panels)!, DASH_COLUMN)).toEqual(DASH_COLUMN)
    expect(unionOf([])).toBeUndefined()
  })
})
