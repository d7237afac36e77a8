// Colours of joint-branch planning. Candidates take a categorical palette of deep, saturated hues
// drawn as outlines over the faded coverage map, so they read as a separate layer of meaning from
// the pale Okabe–Ito status fills; neighbours differ because the palette cycles by number.
// Leftovers are the one crimson on the page: a problem to act on.
import type { Rgb, Rgba } from './status-colors.ts'

export const CANDIDATE_PALETTE: ReadonlyArray<Rgb> = [
  [126, 34, 206], // violet
  [20, 83, 45], // forest
  [170, 0, 160], // magenta
  [23, 37, 84], // navy
  [101, 130, 18], // olive
  [67, 56, 202], // indigo
  [146, 64, 14], // umber
  [71, 85, 105], // slate
]

export const LEFTOVER_RGB: Rgb = [200, 16, 46]

/** Opacity 0..255: fills stay see-through so the compounds under a candidate remain legible. */
export const CANDIDATE_ALPHA = { fill: 70, fillSelected: 120, fillDimmed: 30, line: 255 } as const

/** The colour of candidate `index` (0-based), cycling through the palette. */
export const candidateRgb = (index: number): Rgb =>
  CANDIDATE_PALETTE[
    ((index % CANDIDATE_PALETTE.length) + CANDIDATE_PALETTE.length) % CANDIDATE_PALETTE.length
  ]!

/** `rgb` with an opacity 0..255. */
export const withAlpha = ([r, g, b]: Rgb, alpha: number): Rgba => [r, g, b, alpha]

/** CSS colour of candidate `index`, for the list's swatches. */
export const candidateCss = (index: number): string => {
  const [r, g, b] = candidateRgb(index)
  return `rgb(${r} ${g} ${b})`
}
