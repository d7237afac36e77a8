import type { AreaRef } from '../../api/types.ts'
import { useT } from '../../i18n/use-t.ts'
import { dataOf } from '../../store/async.ts'
import { mayClimbTo, selectedAreaId } from '../../store/area-path.ts'
import { homePathOf } from '../../store/area-slice.ts'
import { useStore } from '../../store/index.ts'
import { jumpToArea } from '../../store/loaders.ts'

/** Where the figures are for: the chosen area's ancestors (from the server), each clickable. */
export function Breadcrumb() {
  const { t } = useT()
  const chosen = useStore((s) => selectedAreaId(s.areaPath))
  const area = useStore((s) => dataOf(s.area))
  const home = useStore((s) => s.home)
  const trail: AreaRef[] =
    chosen !== null && area?.id === chosen
      ? [...area.ancestors, { id: area.id, level: area.level, name: area.name }]
      : []

  if (trail.length === 0) {
    return (
      <nav className="breadcrumb" aria-label={t('areaPicker')}>
        <span aria-current="page">{home?.name ?? t('wholeCity')}</span>
      </nav>
    )
  }
  return (
    <nav className="breadcrumb" aria-label={t('areaPicker')}>
      {trail.map((a, i) => {
        const last = i === trail.length - 1
        const target = a.level === 'city' ? null : a.id
        // Above the user's jurisdiction: shown for context, not offered (the server refuses it).
        const reachable = mayClimbTo(target, homePathOf(home))
        return (
          <span key={a.id} className="crumb">
            {last ? (
              <span aria-current="page">{a.name}</span>
            ) : !reachable ? (
              <span className="crumb-above" data-testid="crumb-above">
                {a.name}
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => void jumpToArea(target)}>
                {a.name}
              </button>
            )}
            {!last && (
              <span className="crumb-sep" aria-hidden="true">
                ›
              </span>
            )}
          </span>
        )
      })}
    </nav>
  )
}
