/**
 * Seeded synthetic instances for tests and benchmarks (not used by the solver): a jittered grid of
 * compounds, 4-neighbour and some diagonal adjacency with edges dropped at random, communities as
 * Voronoi cells of random seeds, and 0–2 full members per compound (rarely 3).
 */
import { seededRandom } from './prng.ts'
import type { JointEdge, JointUnit } from './types.ts'

export interface InstanceShape {
  units: number
  communities: number
  /** Grid spacing (m) between compound centres. */
  spacingM: number
  /** Share of grid edges removed. */
  dropEdges: number
  /** Probabilities of 0, 1, 2 and 3 full members. */
  members?: readonly [number, number, number, number]
}

export interface Instance {
  units: JointUnit[]
  edges: JointEdge[]
}

/** A seeded jittered-grid instance; unit ids start at `firstId` (default 1). */
export function gridInstance(seed: number, shape: InstanceShape, firstId = 1): Instance {
  const random = seededRandom(seed)
  const cols = Math.max(1, Math.ceil(Math.sqrt(shape.units * 1.2)))
  const probs = shape.members ?? [0.4, 0.33, 0.25, 0.02]
  const draw = () => {
    let r = random()
    for (let k = 0; k < probs.length; k++) if ((r -= probs[k]!) < 0) return k
    return 0
  }
  const seeds = Array.from({ length: shape.communities }, () => [
    random() * cols * shape.spacingM,
    random() * (shape.units / cols) * shape.spacingM,
  ])
  const units: JointUnit[] = []
  for (let i = 0; i < shape.units; i++) {
    const x = ((i % cols) + (random() - 0.5) * 0.5) * shape.spacingM
    const y = (Math.floor(i / cols) + (random() - 0.5) * 0.5) * shape.spacingM
    let best = 0
    seeds.forEach(([sx, sy], k) => {
      const [bx, by] = seeds[best]!
      if ((x - sx!) ** 2 + (y - sy!) ** 2 < (x - bx!) ** 2 + (y - by!) ** 2) best = k
    })
    units.push({
      id: firstId + i,
      communityId: `c${best}`,
      membersFull: draw(),
      households: 100 + Math.floor(random() * 800),
      x,
      y,
    })
  }
  const edges: JointEdge[] = []
  const link = (i: number, j: number) => {
    if (j < shape.units && random() >= shape.dropEdges)
      edges.push({ a: firstId + i, b: firstId + j })
  }
  for (let i = 0; i < shape.units; i++) {
    const c = i % cols
    if (c + 1 < cols) link(i, i + 1)
    link(i, i + cols)
    // One diagonal per cell, in a random direction, keeps the graph planar.
    if (random() < 0.3) {
      if (random() < 0.5 && c + 1 < cols) link(i, i + cols + 1)
      else if (c > 0) link(i, i + cols - 1)
    }
  }
  return { units, edges }
}
