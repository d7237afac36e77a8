import { describe, expect, it } from 'vitest'
import { CANDIDATE_PALETTE, LEFTOVER_RGB, candidateRgb } from './joint-palette.ts'
import { STATUS_RGB, type Rgb } from './status-colors.ts'

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

describe('candidate palette', () => {
  it('cycles so that candidate 9 takes the colour of candidate 1', () =>
    expect(candidateRgb(8)).toEqual(candidateRgb(0)))
  it('gives consecutive candidates different colours', () =>
    expect(candidateRgb(3)).not.toEqual(candidateRgb(4)))
  it('keeps every colour clearly apart from the coverage status colours', () => {
    for (const c of [...CANDIDATE_PALETTE, LEFTOVER_RGB])
      for (const s of Object.values(STATUS_RGB)) expect(distance(c, s)).toBeGreaterThan(60)
  })
  it('keeps the candidate colours apart from each other and from the leftover crimson', () => {
    const all = [...CANDIDATE_PALETTE, LEFTOVER_RGB]
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        expect(distance(all[i]!, all[j]!)).toBeGreaterThan(50)
  })
})
