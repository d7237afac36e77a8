import type { MessageKey } from '../../i18n/messages.ts'
import { formatCount } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import type { JointTab } from '../../store/joint-branches-slice.ts'
import { useJointResult } from '../../store/joint-selectors.ts'
import { AnalysisHeader } from '../analysis-panel/AnalysisHeader.tsx'
import { CandidateList } from './CandidateList.tsx'
import { DraftList } from './DraftList.tsx'
import { JointRulesForm } from './JointRulesForm.tsx'
import { JointSummary } from './JointSummary.tsx'
import { LeftoverList } from './LeftoverList.tsx'
import './joint-lists.css'
import './joint-panel.css'

const TABS: { tab: JointTab; label: MessageKey }[] = [
  { tab: 'candidates', label: 'jointTabCandidates' },
  { tab: 'leftovers', label: 'jointTabLeftovers' },
  { tab: 'drafts', label: 'jointTabDrafts' },
]

function Tabs({ counts }: { counts: Record<JointTab, number | undefined> }) {
  const { t, lang } = useT()
  const current = useStore((s) => s.jointTab)
  const setTab = useStore((s) => s.setJointTab)
  return (
    <div className="joint-tabs" role="tablist">
      {TABS.map(({ tab, label }) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`joint-tab-${tab}`}
          aria-selected={current === tab}
          aria-controls="joint-tab-panel"
          onClick={() => setTab(tab)}
        >
          {t(label)}
          {counts[tab] !== undefined && (
            <span className="joint-tab-count">{formatCount(counts[tab], lang)}</span>
          )}
        </button>
      ))}
    </div>
  )
}

/** 联合党支部规划: rules, run, then candidates, leftovers and the draft of accepted branches. */
export function JointPanel() {
  const { t } = useT()
  const result = useJointResult()
  const tab = useStore((s) => s.jointTab)
  const drafts = useStore((s) => s.jointDrafts.length)
  const setOpen = useStore((s) => s.setJointOpen)
  return (
    <section
      className="panel analysis-panel"
      data-testid="joint-panel"
      aria-labelledby="joint-title"
    >
      <AnalysisHeader
        titleId="joint-title"
        title={t('jointTitle')}
        onClose={() => setOpen(false)}
      />
      <p className="muted joint-intro">{t('jointIntro')}</p>
      <JointRulesForm />
      {result ? <JointSummary result={result} /> : <p className="muted">{t('jointIdle')}</p>}
      {(result || drafts > 0) && (
        <>
          <Tabs
            counts={{
              candidates: result?.candidates.length,
              leftovers: result?.leftovers.length,
              drafts,
            }}
          />
          <div id="joint-tab-panel" role="tabpanel" aria-labelledby={`joint-tab-${tab}`}>
            {tab === 'candidates' && result && <CandidateList result={result} />}
            {tab === 'leftovers' && result && <LeftoverList leftovers={result.leftovers} />}
            {tab === 'drafts' && <DraftList />}
          </div>
        </>
      )}
    </section>
  )
}
