// Store reads shared by the plans panels.
import { useMemo } from 'react'
import type { CheckResult } from '../../../../server/src/domain/branch-rules.ts'
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { useStore } from '../../store/index.ts'
import { summarise, type RuleContext } from '../../store/plans-checks.ts'
import { currentRules, unsaved } from '../../store/plans-loaders.ts'
import type { PlanDoc } from '../../store/plans-doc.ts'

const NO_DOC: PlanDoc = { name: '', branches: [], stations: [] }

export const useDoc = (): PlanDoc => useStore((s) => s.planHistory?.present ?? NO_DOC)
export const useRules = (): RuleContext | null => useStore((s) => currentRules(s))
export const useEditable = (): boolean => useStore((s) => s.planServer?.status === 'draft')

export function useSummary() {
  const rc = useRules()
  const doc = useDoc()
  return useMemo(() => (rc ? summarise(rc, doc) : null), [rc, doc])
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed' | 'conflict'

/** The one word the header shows about saving. */
export function useSaveState(): SaveState {
  return useStore((s) => {
    if (s.planConflict) return 'conflict'
    if (s.planSaving) return 'saving'
    if (s.planSaveError) return 'failed'
    return unsaved(s).length > 0 ? 'unsaved' : 'saved'
  })
}

const LABELS: Record<CheckResult['id'], [MessageKey, MessageKey]> = {
  members_min: ['plansCheckMembersMin', 'plansCheckValueMembers'],
  compounds_max: ['plansCheckCompoundsMax', 'plansCheckValueCompounds'],
  members_max: ['plansCheckMembersMax', 'plansCheckValueMembers'],
  contiguous: ['plansCheckContiguous', 'plansCheckValuePieces'],
  one_community: ['plansCheckOneCommunity', 'plansCheckValueCommunities'],
  radius: ['plansCheckRadius', 'plansCheckValueRadius'],
}

/** A check's rule and its number, in the page's language. */
export function checkText(t: (k: MessageKey) => string, line: CheckResult): [string, string] {
  const [rule, value] = LABELS[line.id]
  return [
    interpolate(t(rule), { limit: line.limit }),
    interpolate(t(value), { value: Math.round(line.value) }),
  ]
}
