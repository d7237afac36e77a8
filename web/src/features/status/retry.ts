import {
  loadAreaOptions,
  loadBoundaries,
  loadCompounds,
  loadHierarchy,
  loadStats,
  selectCompound,
  showArea,
} from '../../store/loaders.ts'
import type { PickerLevel } from '../../store/area-path.ts'
import { runJointAnalysis } from '../../store/joint-loaders.ts'
import { extendSitingCurve, runSitingAnalysis } from '../../store/siting-loaders.ts'
import type { FailureSource } from './failures.ts'

/** Asks again for whatever failed. The map itself cannot be retried in place: reload the page. */
export function retry(source: FailureSource): void {
  switch (source.kind) {
    case 'compounds':
      void loadCompounds()
      return
    case 'hierarchy':
      void loadHierarchy()
      return
    case 'stats':
      void loadStats(source.areaId)
      return
    case 'area':
      void showArea(source.areaId)
      return
    case 'detail':
      void selectCompound(source.compoundId)
      return
    case 'boundaries':
      void loadBoundaries(source.level)
      return
    case 'options': {
      const [level, parent] = source.key.split(':') as [PickerLevel, string]
      void loadAreaOptions(level, parent === '' ? null : parent)
      return
    }
    case 'joint':
      void runJointAnalysis()
      return
    case 'siting':
      void runSitingAnalysis()
      return
    case 'sitingCurve':
      void extendSitingCurve()
      return
    case 'map':
      window.location.reload()
      return
  }
}
