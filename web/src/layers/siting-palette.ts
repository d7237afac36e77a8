// Colours of station siting. Demand takes three classes drawn over the faded coverage map: blue
// (newly covered: the result) against vermillion (still uncovered: the remaining gap), the pair
// colour-vision deficiencies keep apart best, and a quiet grey for what existing stations already
// cover. New sites are near-black discs with white numbers, existing stations small green discs,
// the analyst's own points magenta rings: no hue is shared with a demand class.
import type { Rgb, Rgba } from './status-colors.ts'

export type DemandClass = 'before' | 'new' | 'uncovered'

export const DEMAND_RGB: Record<DemandClass, Rgb> = {
  before: [150, 160, 174],
  new: [0, 114, 178],
  uncovered: [213, 94, 0],
}

/** Opacity 0..255 of each demand class: the result and the gap stand out, the rest recedes. */
export const DEMAND_ALPHA: Record<DemandClass, number> = { before: 170, new: 225, uncovered: 215 }

export const SITE_RGB: Rgb = [17, 24, 39]
export const STATION_RGB: Rgb = [0, 128, 92]
export const POINT_RGB: Rgb = [170, 0, 160]

/** `rgb` with an opacity 0..255. */
export const rgba = ([r, g, b]: Rgb, alpha: number): Rgba => [r, g, b, alpha]

/** CSS colour of `rgb`, for the panel's key and list. */
export const cssOf = ([r, g, b]: Rgb, alpha = 1): string =>
  alpha === 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`
