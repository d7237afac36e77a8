// What the server must be told: the difference between the last version it confirmed and the
// document on the page, as the batch of upserts and deletions POST /changes accepts. Saving is
// always "make the server's version equal mine", so a batch can be rebuilt from scratch after a
// failure, a reload or a conflict, and edits made while a save is on its way are never lost.
import type { PlanBranch, PlanChange, PlanStation } from '../api/plans-types.ts'
import type { PlanDoc } from './plans-doc.ts'

const branchText = (b: PlanBranch) =>
  JSON.stringify([b.name, b.kind, b.compoundIds, b.boundary, b.locked, b.reason ?? null])
const stationText = (s: PlanStation) => JSON.stringify([s.name, s.lng, s.lat])

/** Equal in every field the server stores (key aside). */
export const sameBranch = (a: PlanBranch, b: PlanBranch) =>
  a === b || branchText(a) === branchText(b)
export const sameStation = (a: PlanStation, b: PlanStation) =>
  a === b || stationText(a) === stationText(b)

/** The changes that turn `base` into `doc`: rename, then branches, then stations. */
export function diffDocs(base: PlanDoc, doc: PlanDoc): PlanChange[] {
  const changes: PlanChange[] = []
  if (base.name !== doc.name) changes.push({ op: 'rename', name: doc.name })
  if (base.branches !== doc.branches) {
    const before = new Map(base.branches.map((b) => [b.key, b]))
    const keys = new Set<string>()
    for (const b of doc.branches) {
      keys.add(b.key)
      const old = before.get(b.key)
      if (!old || !sameBranch(old, b)) changes.push({ op: 'upsertBranch', branch: b })
    }
    for (const b of base.branches)
      if (!keys.has(b.key)) changes.push({ op: 'deleteBranch', key: b.key })
  }
  if (base.stations !== doc.stations) {
    const before = new Map(base.stations.map((s) => [s.key, s]))
    const keys = new Set<string>()
    for (const s of doc.stations) {
      keys.add(s.key)
      const old = before.get(s.key)
      if (!old || !sameStation(old, s)) changes.push({ op: 'upsertStation', station: s })
    }
    for (const s of base.stations)
      if (!keys.has(s.key)) changes.push({ op: 'deleteStation', key: s.key })
  }
  return changes
}

/** `doc` with `changes` applied, as the server applies them (an upsert replaces the whole item). */
export function applyChanges(doc: PlanDoc, changes: readonly PlanChange[]): PlanDoc {
  let { name, branches, stations } = doc
  for (const c of changes) {
    switch (c.op) {
      case 'rename':
        name = c.name
        break
      case 'upsertBranch': {
        const at = branches.findIndex((b) => b.key === c.branch.key)
        branches =
          at < 0 ? [...branches, c.branch] : branches.map((b, i) => (i === at ? c.branch : b))
        break
      }
      case 'deleteBranch':
        branches = branches.filter((b) => b.key !== c.key)
        break
      case 'upsertStation': {
        const at = stations.findIndex((s) => s.key === c.station.key)
        stations =
          at < 0 ? [...stations, c.station] : stations.map((s, i) => (i === at ? c.station : s))
        break
      }
      case 'deleteStation':
        stations = stations.filter((s) => s.key !== c.key)
        break
    }
  }
  return name === doc.name && branches === doc.branches && stations === doc.stations
    ? doc
    : { name, branches, stations }
}
