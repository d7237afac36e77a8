// Branch colours of the plans workspace: twelve categorical hues (Paul Tol's "muted" and "bright"
// sets, distinguishable with the common colour-vision deficiencies), cycled by branch position.

export type Rgb = [number, number, number]

const HUES: Rgb[] = [
  [51, 34, 136],
  [17, 119, 51],
  [68, 170, 153],
  [136, 204, 238],
  [221, 204, 119],
  [204, 102, 119],
  [170, 68, 153],
  [136, 34, 85],
  [68, 119, 170],
  [238, 102, 119],
  [34, 136, 51],
  [204, 187, 68],
]

/** The colour of the branch at `index` in its plan. */
export const branchColor = (index: number): Rgb =>
  HUES[((index % HUES.length) + HUES.length) % HUES.length]!

/** Compare-mode colours: only in this plan, only in the other, in both but different. */
export const COMPARE_COLORS: Record<'onlyA' | 'onlyB' | 'changed' | 'same', Rgb> = {
  onlyA: [68, 119, 170],
  onlyB: [238, 119, 51],
  changed: [170, 51, 119],
  same: [150, 150, 150],
}

/** Unassigned small compounds (leftovers): a warm outline that reads over every status fill. */
export const LEFTOVER_COLOR: Rgb = [204, 51, 17]
