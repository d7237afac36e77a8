import { ListTooLargeNotice } from '../../map/ListTooLargeNotice.tsx'
import { useStore } from '../../store/index.ts'
import { PlanEditor } from './PlanEditor.tsx'
import { PlanList } from './PlanList.tsx'
import { usePlanShortcuts } from './use-plan-shortcuts.ts'
import './plans.css'

/** The plans workspace's panels over the map: the area's plans, or the plan being edited. */
export function PlansView() {
  const open = useStore((s) => s.planServer !== null && s.planHistory !== null)
  usePlanShortcuts()
  return (
    <div className="left-column planning plans-column">
      <section
        className="panel plans-panel"
        data-testid="plans-panel"
        aria-labelledby="plans-title"
      >
        <ListTooLargeNotice />
        {open ? <PlanEditor /> : <PlanList />}
      </section>
    </div>
  )
}
