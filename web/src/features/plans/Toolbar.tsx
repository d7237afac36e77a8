import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { BRUSH_PX, redoEdit, undoEdit, type PlanTool } from '../../store/plans-slice.ts'

const TOOLS: { tool: PlanTool; label: MessageKey; hint: MessageKey }[] = [
  { tool: 'click', label: 'plansToolClick', hint: 'plansToolHintClick' },
  { tool: 'brush', label: 'plansToolBrush', hint: 'plansToolHintBrush' },
  { tool: 'erase', label: 'plansToolErase', hint: 'plansToolHintErase' },
  { tool: 'community', label: 'plansToolCommunity', hint: 'plansToolHintCommunity' },
  { tool: 'lasso', label: 'plansToolLasso', hint: 'plansToolHintLasso' },
  { tool: 'boundary', label: 'plansToolBoundary', hint: 'plansToolHintBoundary' },
]

/** Tool choice, brush size, undo and redo. */
export function Toolbar() {
  const { t } = useT()
  const tool = useStore((s) => s.planTool)
  const setTool = useStore((s) => s.setPlanTool)
  const brush = useStore((s) => s.planBrushPx)
  const setBrush = useStore((s) => s.setPlanBrushPx)
  const canUndo = useStore((s) => (s.planHistory?.past.length ?? 0) > 0)
  const canRedo = useStore((s) => (s.planHistory?.future.length ?? 0) > 0)
  const hint = TOOLS.find((x) => x.tool === tool)!.hint
  return (
    <div className="plans-toolbar">
      <div className="plans-tools" role="radiogroup" aria-label={t('plansActions')}>
        {TOOLS.map((x) => (
          <button
            key={x.tool}
            type="button"
            role="radio"
            aria-checked={tool === x.tool}
            className={tool === x.tool ? 'plans-tool on' : 'plans-tool'}
            data-testid={`plan-tool-${x.tool}`}
            title={t(x.hint)}
            onClick={() => setTool(x.tool)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div className="plans-toolbar-row">
        <button
          type="button"
          className="plain-button"
          disabled={!canUndo}
          title={t('plansUndoHint')}
          data-testid="plan-undo"
          onClick={() => useStore.setState(undoEdit)}
        >
          ↶ {t('plansUndo')}
        </button>
        <button
          type="button"
          className="plain-button"
          disabled={!canRedo}
          title={t('plansUndoHint')}
          data-testid="plan-redo"
          onClick={() => useStore.setState(redoEdit)}
        >
          ↷ {t('plansRedo')}
        </button>
        {(tool === 'brush' || tool === 'erase') && (
          <label className="plans-brush">
            <span>{t('plansBrushSize')}</span>
            <input
              type="range"
              name="brush"
              min={BRUSH_PX.min}
              max={BRUSH_PX.max}
              value={brush}
              onChange={(e) => setBrush(Number(e.target.value))}
            />
          </label>
        )}
      </div>
      <p className="muted plans-hint">{t(hint)}</p>
    </div>
  )
}
