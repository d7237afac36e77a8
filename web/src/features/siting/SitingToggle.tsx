import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { AnalysisToggle } from '../analysis-panel/AnalysisToggle.tsx'

/** Opens and closes station siting; its panel takes the place of the figures. */
export function SitingToggle() {
  const { t } = useT()
  const open = useStore((s) => s.sitingOpen)
  const setOpen = useStore((s) => s.setSitingOpen)
  return (
    <AnalysisToggle
      open={open}
      onToggle={setOpen}
      testId="siting-toggle"
      label={t('sitingToggle')}
      short={t('sitingToggleShort')}
    />
  )
}
