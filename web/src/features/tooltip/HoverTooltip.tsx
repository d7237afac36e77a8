import { formatCount } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { statusCss } from '../../layers/status-colors.ts'
import { useStore } from '../../store/index.ts'
import { useFeature } from '../../store/selectors.ts'
import './tooltip.css'

/** Name, status, households and full members of the compound under the pointer. */
export function HoverTooltip() {
  const { t, lang, statusName } = useT()
  const hover = useStore((s) => s.hover)
  const feature = useFeature(hover?.id ?? null)
  if (!hover || !feature) return null
  const p = feature.properties
  // Flip to the left/top near the far edges so the tooltip never leaves the window.
  const flipX = hover.x > window.innerWidth - 260
  const flipY = hover.y > window.innerHeight - 140
  const style = {
    left: flipX ? undefined : hover.x + 14,
    right: flipX ? window.innerWidth - hover.x + 14 : undefined,
    top: flipY ? undefined : hover.y + 14,
    bottom: flipY ? window.innerHeight - hover.y + 14 : undefined,
  }
  return (
    <div className="hover-tooltip" style={style} role="tooltip">
      <div className="tooltip-name">{p.name}</div>
      <div className="tooltip-status">
        <span className="swatch" style={{ background: statusCss(p.status) }} />
        {statusName(p.status)}
        {p.isOld && <span className="tag">{t('oldCompoundTag')}</span>}
      </div>
      <div className="tooltip-figures">
        <span>
          {t('householdsLabel')}
          {t('colon')}
          {formatCount(p.households, lang)}
        </span>
        <span>
          {t('membersFullLabel')}
          {t('colon')}
          {formatCount(p.membersFull, lang)}
        </span>
      </div>
    </div>
  )
}
