import './analysis-panel.css'

/** The top-bar button that opens and closes an analysis panel; its panel replaces the figures. */
export function AnalysisToggle({
  open,
  onToggle,
  testId,
  label,
}: {
  open: boolean
  onToggle: (open: boolean) => void
  testId: string
  label: string
}) {
  return (
    <button
      type="button"
      className={open ? 'analysis-toggle on' : 'analysis-toggle'}
      aria-pressed={open}
      data-testid={testId}
      onClick={() => onToggle(!open)}
    >
      {label}
    </button>
  )
}
