// The solver's remarks (English, server/src/analysis/siting/solve.ts) in the page's language. Each
// known sentence is matched whole, its figures carried over; an unknown one is shown as the server
// wrote it rather than hidden.
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'

interface NotePattern {
  re: RegExp
  key: MessageKey
  /** Placeholder names of the pattern's groups, in order. */
  vars: string[]
}

const PATTERNS: NotePattern[] = [
  {
    re: /^target ([\d.]+)% is out of reach: every candidate together covers at most ([\d.]+)% of the weight$/,
    key: 'sitingNoteTarget',
    vars: ['t', 'm'],
  },
  {
    re: /^exact solver stopped at the ([\d.]+) s time limit$/,
    key: 'sitingNoteTimeLimit',
    vars: ['s'],
  },
  {
    re: /^MILP has (\d+) non-zeros, above the exact limit of (\d+): heuristic used$/,
    key: 'sitingNoteTooBig',
    vars: ['n', 'm'],
  },
  {
    re: /^no set of candidates meets the target under station capacity \(proven by the exact solver\)$/,
    key: 'sitingNoteCapacityProven',
    vars: [],
  },
  {
    re: /^the heuristic found no set of candidates meeting the target under station capacity; not proven impossible$/,
    key: 'sitingNoteCapacityHeuristic',
    vars: [],
  },
  {
    re: /^LP relaxation did not finish in time: combinatorial bound used$/,
    key: 'sitingNoteLpTimeout',
    vars: [],
  },
  {
    re: /^only (\d+) of the k = (\d+) new stations add anything; the rest are left out$/,
    key: 'sitingNoteFewUseful',
    vars: ['n', 'k'],
  },
  {
    re: /^the coverage curve ignores station capacity$/,
    key: 'sitingNoteCurveCapacity',
    vars: [],
  },
]

/** A solver note in the page's language; unknown notes come back unchanged. */
export function translateNote(note: string, t: (key: MessageKey) => string): string {
  for (const { re, key, vars } of PATTERNS) {
    const m = re.exec(note)
    if (!m) continue
    const values: Record<string, string> = {}
    vars.forEach((name, i) => (values[name] = m[i + 1]!))
    return interpolate(t(key), values)
  }
  return note
}
