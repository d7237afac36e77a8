// The camera padding that frames an area in the part of the map the floating panels leave free,
// from the panels' measured rectangles (the dashboard's column is wider than the figures column,
// the ledger's is resizable), so a framed area is never partly hidden under one of them.

/** A rectangle in the map container's pixels. */
export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

export interface Padding {
  top: number
  bottom: number
  left: number
  right: number
}

/** Room kept between a panel and the framed area. */
export const PANEL_MARGIN = 24

/** The smallest free part (px each way) worth framing in; a panel that would leave less is ignored. */
export const MIN_FREE = 160

const area = (width: number, height: number, p: Padding) =>
  Math.max(0, width - p.left - p.right) * Math.max(0, height - p.top - p.bottom)

/** The smallest rectangle holding every one of `rects` (undefined for none). */
export function unionOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  return rects.reduce((u, r) => ({
    left: Math.min(u.left, r.left),
    top: Math.min(u.top, r.top),
    right: Math.max(u.right, r.right),
    bottom: Math.max(u.bottom, r.bottom),
  }))
}

/** `r` cut to `clip`, undefined when nothing of it is left. */
export function clipTo(r: Rect, clip: Rect): Rect | undefined {
  const c = {
    left: Math.max(r.left, clip.left),
    top: Math.max(r.top, clip.top),
    right: Math.min(r.right, clip.right),
    bottom: Math.min(r.bottom, clip.bottom),
  }
  return c.right > c.left && c.bottom > c.top ? c : undefined
}

/**
 * Padding for a `width` × `height` map that keeps the framed part clear of every panel in
 * `covers`: each panel still overlapping the free part pushes the side (left, right, top or
 * bottom) that leaves the largest free part, never below MIN_FREE each way. Largest panels first.
 */
export function paddingClearOf(
  width: number,
  height: number,
  base: Padding,
  covers: readonly Rect[],
  margin = PANEL_MARGIN,
): Padding {
  const view = { left: 0, top: 0, right: width, bottom: height }
  const inView = covers
    .map((r) => clipTo(r, view))
    .filter((r): r is Rect => r !== undefined)
    .sort(
      (a, b) => (b.right - b.left) * (b.bottom - b.top) - (a.right - a.left) * (a.bottom - a.top),
    )
  let p = { ...base }
  for (const r of inView) {
    const free = { left: p.left, top: p.top, right: width - p.right, bottom: height - p.bottom }
    if (!clipTo(r, free)) continue
    const options: Padding[] = [
      { ...p, left: Math.max(p.left, Math.ceil(r.right + margin)) },
      { ...p, right: Math.max(p.right, Math.ceil(width - r.left + margin)) },
      { ...p, top: Math.max(p.top, Math.ceil(r.bottom + margin)) },
      { ...p, bottom: Math.max(p.bottom, Math.ceil(height - r.top + margin)) },
    ].filter((o) => width - o.left - o.right >= MIN_FREE && height - o.top - o.bottom >= MIN_FREE)
    const best = options.reduce<Padding | undefined>(
      (b, o) => (!b || area(width, height, o) > area(width, height, b) ? o : b),
      undefined,
    )
    if (best) p = best
  }
  return p
}
