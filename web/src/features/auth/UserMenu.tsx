import { signOut, useAuth, type Role } from './auth-state.ts'
import type { AuthMessages } from './messages.ts'
import { useAuthMessages } from './use-auth-messages.ts'

const roleName = (role: Role, m: AuthMessages) =>
  ({ admin: m.roleAdmin, planner: m.rolePlanner, leader: m.roleLeader, viewer: m.roleViewer })[role]

/** The signed-in user's name, role and area in the top bar, with sign-out. */
export function UserMenu() {
  const m = useAuthMessages()
  const user = useAuth((s) => s.user)
  const mode = useAuth((s) => s.mode)
  // The tests' header mode has no account to show or end: the top bar stays as it was.
  if (!user || mode !== 'required') return null
  const area = user.role === 'admin' ? null : (user.jurisdiction?.name ?? m.wholeCity)
  const role = `${roleName(user.role, m)}${area ? ` · ${area}` : ''}`
  return (
    <div className="user-menu" data-testid="user-menu" title={`${user.username} · ${role}`}>
      <span className="user-name">{user.displayName}</span>
      <span className="user-role">{role}</span>
      <button type="button" className="sign-out" onClick={() => void signOut()}>
        {m.signOut}
      </button>
    </div>
  )
}
