import { useEffect, type ReactNode } from 'react'
import { checkSession, useAuth } from './auth-state.ts'
import { installCsrfFetch } from './csrf-fetch.ts'
import { LoginPage } from './LoginPage.tsx'
import { useAuthMessages } from './use-auth-messages.ts'

installCsrfFetch()

/** Shows the workspace only once GET /api/auth/me says who is signed in; else the sign-in page. */
export function AuthGate({ children }: { children: ReactNode }) {
  const status = useAuth((s) => s.status)
  const m = useAuthMessages()
  useEffect(() => {
    void checkSession()
  }, [])
  if (status === 'checking') return <p className="boot-message">{m.checking}</p>
  if (status === 'signed-out') return <LoginPage />
  return <>{children}</>
}
