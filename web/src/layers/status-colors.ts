// Coverage status palette: Okabe–Ito colours, distinguishable with the common colour-vision
// deficiencies. Covered statuses are cool (blues, green, purple); gaps are warm (vermillion,
// orange); no members is neutral grey, so the eye finds the gaps first.
import type { CoverageStatus } from '../api/types.ts'

export type Rgb = [number, number, number]
export type Rgba = [number, number, number, number]

export const STATUS_RGB: Record<CoverageStatus, Rgb> = {
  standalone: [0, 114, 178],
  joint: [86, 180, 233],
  temporary: [204, 121, 167],
  instructor: [0, 158, 115],
  should_build: [213, 94, 0],
  few_members: [230, 159, 0],
  no_members: [140, 140, 140],
}

const UNKNOWN_RGB: Rgb = [60, 60, 60]

/** Opacity 0..255 by emphasis: old compounds are the programme's subject, others recede. */
export const ALPHA = { old: 215, notOld: 90, outsideArea: 28 } as const

/** CSS colour of a status, for the legend and panels. */
export const statusCss = (status: CoverageStatus): string => {
  const [r, g, b] = STATUS_RGB[status] ?? UNKNOWN_RGB
  return `rgb(${r} ${g} ${b})`
}

/** Fill of one compound: its status colour, paler when not old, faint outside the chosen area. */
export function compoundFill(status: CoverageStatus, isOld: boolean, insideArea: boolean): Rgba {
  const [r, g, b] = STATUS_RGB[status] ?? UNKNOWN_RGB
  const alpha = !insideArea ? ALPHA.outsideArea : isOld ? ALPHA.old : ALPHA.notOld
  return [r, g, b, alpha]
}
