import { memo, useMemo } from 'react'
import type { JointCandidate, JointResult } from '../../api/joint-types.ts'
import type { CompoundFeature } from '../../api/types.ts'
import { formatCount, formatWithUnit, interpolate } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { candidateCss } from '../../layers/joint-palette.ts'
import { useStore } from '../../store/index.ts'
import { candidateState, indexDrafts, type CandidateState } from '../../store/joint-drafts.ts'
import { focusCandidate } from '../../store/joint-loaders.ts'
import { byIdOf, useFeatures } from '../../store/selectors.ts'

interface ItemProps {
  index: number
  candidate: JointCandidate
  state: CandidateState
  selected: boolean
  names: string
}

// Memoised: a city-wide result lists ~1,300 candidates, and a click changes only two of them.
const CandidateItem = memo(function CandidateItem({
  index,
  candidate,
  state,
  selected,
  names,
}: ItemProps) {
  const { t, lang } = useT()
  const accept = useStore((s) => s.acceptJointCandidate)
  const label = interpolate(t('jointLabel'), { n: index + 1 })
  return (
    <li
      className={selected ? 'joint-item selected' : 'joint-item'}
      data-testid="joint-candidate"
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" className="joint-item-main" onClick={() => focusCandidate(index)}>
        <span className="joint-item-title">
          <span className="swatch" style={{ background: candidateCss(index) }} />
          <strong>{label}</strong>
        </span>
        <span className="joint-item-figures">
          <span>
            {t('jointCompounds')} {formatCount(candidate.compoundIds.length, lang)}
          </span>
          <span>
            {t('jointMembers')} {formatCount(candidate.members, lang)}
          </span>
          <span>
            {t('jointHouseholds')} {formatCount(candidate.households, lang)}
          </span>
          <span>
            {t('jointRadius')} {formatWithUnit(candidate.radiusM, t('unitM'), lang)}
          </span>
        </span>
        {names && <span className="joint-item-names">{names}</span>}
      </button>
      <button
        type="button"
        className={`joint-accept ${state}`}
        disabled={state !== 'open'}
        onClick={() => accept(index)}
      >
        {state === 'open'
          ? t('jointAccept')
          : state === 'accepted'
            ? t('jointAccepted')
            : t('jointConflict')}
      </button>
    </li>
  )
})

const namesOf = (candidate: JointCandidate, byId: ReadonlyMap<number, CompoundFeature>) =>
  candidate.compoundIds.map((id) => byId.get(id)?.properties.name ?? `#${id}`).join('、')

/** The candidates of a result with their totals; a click frames one, a button accepts it. */
export function CandidateList({ result }: { result: JointResult }) {
  const { t, lang } = useT()
  const selected = useStore((s) => s.jointSelected)
  const drafts = useStore((s) => s.jointDrafts)
  const acceptAll = useStore((s) => s.acceptAllJointCandidates)
  const features = useFeatures()
  const index = useMemo(() => indexDrafts(drafts), [drafts])
  const states = useMemo(
    () => result.candidates.map((c) => candidateState(c, index)),
    [result, index],
  )
  const names = useMemo(() => {
    const byId = byIdOf(features)
    return result.candidates.map((c) => namesOf(c, byId))
  }, [result, features])
  if (result.candidates.length === 0) return <p className="muted">{t('jointNoCandidates')}</p>
  return (
    <>
      <div className="joint-list-head">
        <span className="muted">
          {interpolate(t('jointAcceptedCount'), { n: formatCount(drafts.length, lang) })}
        </span>
        <button
          type="button"
          className="plain-button"
          disabled={!states.includes('open')}
          onClick={acceptAll}
        >
          {t('jointAcceptAll')}
        </button>
      </div>
      <ol className="joint-list">
        {result.candidates.map((c, i) => (
          <CandidateItem
            key={i}
            index={i}
            candidate={c}
            state={states[i]!}
            selected={selected === i}
            names={names[i]!}
          />
        ))}
      </ol>
    </>
  )
}
