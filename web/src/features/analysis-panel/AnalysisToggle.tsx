import './analysis-panel.css'

/**
 * The top-bar button that opens and closes an analysis panel; its panel replaces the figures. In a
 * narrow top bar (below 1280 px) it shows `short`, a part of `label`, which stays its name and title.
 */
export function AnalysisToggle({
  open,
  onToggle,
  testId,
  label,
  short,
}: {
  open: boolean
  onToggle: (open: boolean) => void
  testId: string
  label: string
  short?: string
}) {
  return (
    <button
      type="button"
      className={open ? 'analysis-toggle on' : 'analysis-toggle'}
      aria-pressed={open}
      aria-label={short ? label : undefined}
      title={short ? label : undefined}
      data-testid={testId}
      onClick={() => onToggle(!open)}
    >
      {short ? (
        <>
          <span className="toggle-full">{label}</span>
          <span className="toggle-short">{short}</span>
        </>
      ) : (
        label
      )}
    </button>
  )
}
