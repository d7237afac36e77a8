import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'

/** Opens and closes joint-branch planning; its panel takes the place of the figures. */
export function JointToggle() {
  const { t } = useT()
  const open = useStore((s) => s.jointOpen)
  const setOpen = useStore((s) => s.setJointOpen)
  return (
    <button
      type="button"
      className={open ? 'joint-toggle on' : 'joint-toggle'}
      aria-pressed={open}
      data-testid="joint-toggle"
      onClick={() => setOpen(!open)}
    >
      {t('jointToggle')}
    </button>
  )
}
