import {
  centroid,
  inset,
  longAxis,
  minWidth,
  offsetForAreaFraction,
  signedArea,
  splitByLine,
  weldTJunctions,
} from './geometry.ts'
import type { Ring, Xy } from './geometry.ts'
import type { CommunityPlan } from './layout.ts'
import type { Rng } from './prng.ts'

/** A compound's footprint before attributes: which block holds it and whether it is old. */
export interface CompoundShape {
  isOld: boolean
  ring: Ring
  blockIndex: number
}
export interface BlockShape {
  ring: Ring
  residential: boolean
  compounds: CompoundShape[]
}

interface Item {
  isOld: boolean
  targetM2: number
}

const rotate = ([x, y]: Xy, a: number): Xy => [
  x * Math.cos(a) - y * Math.sin(a),
  x * Math.sin(a) + y * Math.cos(a),
]

/** How compact a piece is: its narrowest width against a square of the same area; triangles and near-triangles (a stub edge) lose. */
function chunkiness(ring: Ring): number {
  const side = Math.sqrt(signedArea(ring))
  const shortest = Math.min(
    ...ring.map((p, i) => {
      const q = ring[(i + 1) % ring.length] as Xy
      return Math.hypot(q[0] - p[0], q[1] - p[1])
    }),
  )
  return minWidth(ring) / side - (ring.length === 3 || shortest < 0.2 * side ? 0.35 : 0)
}

/**
 * Splits a ring across its long axis, tilted by up to `jitter` radians, leaving `frac` of the area below; of
 * a few tilts it keeps the one whose worse piece is chunkiest, so compounds come out as irregular
 * quadrilaterals more than slivers or triangles.
 */
function splitAcross(
  rng: Rng,
  ring: Ring,
  frac: number,
  jitter: number,
  gapM: number,
  minWidthM: number,
): [Ring, Ring] | null {
  let best: [Ring, Ring] | null = null
  let bestScore = -Infinity
  for (let attempt = 0; attempt < 10; attempt++) {
    const n = rotate(longAxis(ring), attempt === 0 ? 0 : rng.uniform(-jitter, jitter))
    const c = offsetForAreaFraction(ring, n, frac)
    const [a, b] =
      gapM > 0
        ? [splitByLine(ring, n, c - gapM / 2)[0], splitByLine(ring, n, c + gapM / 2)[1]]
        : splitByLine(ring, n, c)
    if (a.length < 3 || b.length < 3 || minWidth(a) < minWidthM || minWidth(b) < minWidthM) continue
    // A little randomness in the choice keeps the straight cut from always winning.
    const score = Math.min(chunkiness(a), chunkiness(b)) + rng.uniform(0, 0.08)
    if (score > bestScore) {
      bestScore = score
      best = [a, b]
    }
  }
  return best
}

/** Cuts land into blocks with roads 10-30 m wide until each block is near `targetM2`. */
function cutBlocks(rng: Rng, ring: Ring, targetM2: number, out: Ring[]): void {
  const area = signedArea(ring)
  if (area <= targetM2 * 1.4 || minWidth(ring) < 140) {
    out.push(ring)
    return
  }
  const road = area > 400_000 ? rng.uniform(22, 30) : rng.uniform(10, 20)
  const parts = splitAcross(rng, ring, rng.uniform(0.38, 0.62), 0.3, road, 60)
  if (!parts) {
    out.push(ring)
    return
  }
  cutBlocks(rng, parts[0], targetM2, out)
  cutBlocks(rng, parts[1], targetM2, out)
}

/** Tiles a block with compounds whose areas follow the items' targets; neighbours share edges exactly. */
function tile(rng: Rng, ring: Ring, items: Item[], out: { ring: Ring; item: Item }[]): void {
  if (items.length === 1) {
    out.push({ ring, item: items[0] as Item })
    return
  }
  const k = Math.ceil(items.length / 2)
  const first = items.slice(0, k)
  const second = items.slice(k)
  const sum = (list: Item[]) => list.reduce((s, it) => s + it.targetM2, 0)
  const parts =
    splitAcross(rng, ring, sum(first) / sum(items), 0.45, 0, 25) ??
    splitAcross(rng, ring, sum(first) / sum(items), 0, 0, 0)
  if (!parts) {
    out.push({ ring, item: items[0] as Item })
    return
  }
  tile(rng, parts[0], first, out)
  tile(rng, parts[1], second, out)
}

/** Target site area (m²) of a compound: old ones 0.5-3 ha (median 1.3 ha), new estates 1-10 ha. */
function targetArea(rng: Rng, isOld: boolean): number {
  return isOld
    ? Math.min(30_000, Math.max(5_000, 15_000 * Math.exp(0.42 * rng.normal())))
    : Math.min(100_000, Math.max(10_000, 30_000 * Math.exp(0.5 * rng.normal())))
}

/**
 * Divides a community into blocks and fills blocks with its compounds: old ones in the blocks nearest its
 * centre (old neighbourhoods cluster), new estates outside, an old remnant at the edge; leftover blocks are
 * other land uses. A block much larger than its compounds is cut again so compounds keep realistic sizes.
 */
export function buildBlocks(rng: Rng, community: CommunityPlan): BlockShape[] {
  const land = inset(community.ring, rng.uniform(5, 15))
  if (land.length < 3) return []
  const olds: Item[] = Array.from({ length: community.nOld }, () => ({
    isOld: true,
    targetM2: targetArea(rng, true),
  }))
  const news: Item[] = Array.from({ length: community.nNew }, () => ({
    isOld: false,
    targetM2: targetArea(rng, false),
  }))
  const items = community.kind === 'remnant' ? [...news, ...olds] : [...olds, ...news]
  const need = items.reduce((s, it) => s + it.targetM2, 0)
  const blockTarget =
    community.kind === 'old' ? rng.uniform(35_000, 60_000) : rng.uniform(60_000, 110_000)
  const rings: Ring[] = []
  cutBlocks(rng, land, Math.min(blockTarget, Math.max(need / 2, 20_000)), rings)
  const c0 = centroid(land)
  const dist = (r: Ring) => Math.hypot(centroid(r)[0] - c0[0], centroid(r)[1] - c0[1])
  const queue = rings.sort((a, b) => dist(a) - dist(b))
  const filled: { ring: Ring; items: Item[] }[] = []
  const other: Ring[] = []
  let next = 0
  while (queue.length > 0) {
    const ring = queue.shift() as Ring
    if (next >= items.length) {
      other.push(ring)
      continue
    }
    const area = signedArea(ring)
    const chosen: Item[] = [items[next++] as Item]
    let sum = (chosen[0] as Item).targetM2
    while (next < items.length && sum + (items[next] as Item).targetM2 <= area * 1.25) {
      sum += (items[next] as Item).targetM2
      chosen.push(items[next++] as Item)
    }
    if (sum < area * 0.7 && area - sum > 15_000) {
      const parts = splitAcross(
        rng,
        ring,
        Math.min(0.85, (sum * 1.05) / area),
        0.25,
        rng.uniform(10, 18),
        40,
      )
      if (parts) {
        filled.push({ ring: parts[0], items: chosen })
        queue.unshift(parts[1])
        continue
      }
    }
    filled.push({ ring, items: chosen })
  }
  // Out of land: squeeze the remaining compounds into the blocks already used, smallest loads first.
  while (next < items.length && filled.length > 0) {
    const target = filled.reduce((m, f) =>
      signedArea(f.ring) / (f.items.length + 1) > signedArea(m.ring) / (m.items.length + 1) ? f : m,
    )
    target.items.push(items[next++] as Item)
  }
  const blocks: BlockShape[] = []
  for (const f of filled) {
    const pieces: { ring: Ring; item: Item }[] = []
    tile(rng, f.ring, rng.shuffle(f.items), pieces)
    // The block ring is welded too, so that its area is exactly the sum of its compounds' after rounding.
    const [blockRing, ...welded] = weldTJunctions([f.ring, ...pieces.map((p) => p.ring)])
    const blockIndex = blocks.length
    blocks.push({
      ring: blockRing as Ring,
      residential: true,
      compounds: pieces.map((p, i) => ({
        isOld: p.item.isOld,
        ring: welded[i] as Ring,
        blockIndex,
      })),
    })
  }
  for (const ring of other) blocks.push({ ring, residential: false, compounds: [] })
  return blocks
}
