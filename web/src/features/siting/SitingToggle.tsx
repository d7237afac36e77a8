import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'

/** Opens and closes station siting; its panel takes the place of the figures. */
export function SitingToggle() {
  const { t } = useT()
  const open = useStore((s) => s.sitingOpen)
  const setOpen = useStore((s) => s.setSitingOpen)
  return (
    <button
      type="button"
      className={open ? 'siting-toggle on' : 'siting-toggle'}
      aria-pressed={open}
      data-testid="siting-toggle"
      onClick={() => setOpen(!open)}
    >
      {t('sitingToggle')}
    </button>
  )
}
