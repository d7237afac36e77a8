import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { AnalysisToggle } from '../analysis-panel/AnalysisToggle.tsx'

/** Opens and closes joint-branch planning; its panel takes the place of the figures. */
export function JointToggle() {
  const { t } = useT()
  const open = useStore((s) => s.jointOpen)
  const setOpen = useStore((s) => s.setJointOpen)
  return (
    <AnalysisToggle
      open={open}
      onToggle={setOpen}
      testId="joint-toggle"
      label={t('jointToggle')}
      short={t('jointToggleShort')}
    />
  )
}
