// Which area an analysis (joint branches, station siting) covers: the one chosen in the picker
// (default), or the city.
import type { AreaLevel } from '../api/types.ts'
import { selectedAreaId } from './area-path.ts'
import { optionsKey } from './area-slice.ts'
import { dataOf } from './async.ts'
import type { AppState } from './index.ts'

export interface JointArea {
  id: string
  level: AreaLevel
  /** Null when the name is not loaded yet (the panel then shows the id). */
  name: string | null
}

/** Analyse the area chosen in the picker, or the whole city. */
export type AreaScope = 'picked' | 'city'

export type AnalysisAreaInputs = Pick<AppState, 'areaPath' | 'area' | 'areaOptions'>
export type JointAreaInputs = AnalysisAreaInputs & Pick<AppState, 'jointScope'>

/** The city's id, learned from the districts' parent; null until the district list has loaded. */
export function cityIdOf(s: Pick<AppState, 'areaOptions'>): string | null {
  const districts = dataOf(s.areaOptions[optionsKey('district', null)] ?? { status: 'idle' })
  return districts?.[0]?.parentId ?? null
}

/** The picker's area, looked up in the loaded detail or the picker's option lists. */
function pickedArea(s: AnalysisAreaInputs, id: string): JointArea {
  const detail = dataOf(s.area)
  if (detail?.id === id) return { id, level: detail.level, name: detail.name }
  for (const list of Object.values(s.areaOptions)) {
    const found = dataOf(list)?.find((a) => a.id === id)
    if (found) return { id, level: found.level, name: found.name }
  }
  const level: AreaLevel = id.length >= 12 ? 'community' : id.length >= 9 ? 'street' : 'district'
  return { id, level, name: null }
}

/** The area to analyse, or null when the city is wanted but its id is not known yet. */
export function analysisAreaOf(scope: AreaScope, s: AnalysisAreaInputs): JointArea | null {
  const picked = selectedAreaId(s.areaPath)
  if (scope === 'picked' && picked !== null) return pickedArea(s, picked)
  const cityId = cityIdOf(s)
  return cityId === null ? null : { id: cityId, level: 'city', name: null }
}

/** The area of the joint-branch analysis. */
export const jointAreaOf = (s: JointAreaInputs): JointArea | null => analysisAreaOf(s.jointScope, s)
