// What the page holds for the signed-in account, forgotten when the account changes: a sign-out
// (by the button, or a session that ended) and another account signing in on the same page start
// from the store's initial state, as a reload would. Without it a street planner signing in after
// an admin would be shown the admin's city-wide scorecards, ledger rows, plans and analyses.
import { useAuth, whenSigningOut, type SignedInUser } from '../features/auth/auth-state.ts'
import { useStore, type AppState } from './index.ts'
import { forgetLoads } from './loaders.ts'
import { forgetPlans, saveNow } from './plans-loaders.ts'

/**
 * The only state kept across accounts: the language chosen on this device, and the map widget's
 * own condition (the map itself is not the account's; MapView sets and clears these).
 */
export const KEPT_ACROSS_ACCOUNTS = [
  'lang',
  'mapReady',
  'mapError',
] as const satisfies readonly (keyof AppState)[]

/**
 * Back to the store's initial state but for KEPT_ACROSS_ACCOUNTS, with every request in flight
 * cancelled and the loaders' shared requests, the plans autosave and the sign-in start forgotten
 * (the next account's `loadInitial` starts as on a fresh page). Every slice is reset, including
 * any added later: what a slice holds is the account's unless listed above.
 */
export function resetForNewUser(): void {
  forgetLoads()
  forgetPlans()
  const now = useStore.getState()
  const kept: Partial<AppState> = {}
  for (const key of KEPT_ACROSS_ACCOUNTS) Object.assign(kept, { [key]: now[key] })
  useStore.setState({ ...useStore.getInitialState(), ...kept }, true)
}

/** Whether going from `before` to `after` leaves the previous account's state on the page. */
export const accountChanged = (before: SignedInUser | null, after: SignedInUser | null) =>
  before !== null && after?.id !== before.id

let following = false

/**
 * Resets the store whenever the signed-in account goes or changes (installed once, by the App
 * module), and has a sign-out first send the open plan's unsaved edits while the session holds.
 */
export function followAccounts(): void {
  if (following) return
  following = true
  whenSigningOut(saveNow)
  useAuth.subscribe((s, prev) => {
    if (accountChanged(prev.user, s.user)) resetForNewUser()
  })
}
