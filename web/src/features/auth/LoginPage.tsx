import { useEffect, useState, type FormEvent } from 'react'
import type { ApiError } from '../../api/client.ts'
import { SESSION_ENDED, signIn, useAuth } from './auth-state.ts'
import type { AuthMessages } from './messages.ts'
import { fetchSsoEnabled, SSO_START, ssoErrorCode, withoutLoginError } from './sso.ts'
import { fill, useAuthMessages } from './use-auth-messages.ts'
import './auth.css'

/** Why a sign-in failed, in the page's language; never says whether the username exists. */
export function signInError(e: ApiError, m: AuthMessages): string {
  const retry = (e.details as { retryAfterS?: number; reason?: string } | undefined) ?? {}
  const minutes = Math.max(1, Math.ceil((retry.retryAfterS ?? 60) / 60))
  if (e.code === 'UNAUTHENTICATED') return retry.reason === 'idle' ? m.idle : m.wrong
  if (e.code === SESSION_ENDED) return m.ended
  if (e.code === 'TOO_MANY')
    return fill(retry.reason === 'address' ? m.throttled : m.locked, { m: minutes })
  if (e.code === 'network') return m.network
  return fill(m.failed, { msg: e.message })
}

/** The sign-in form shown instead of the workspace while nobody is signed in. */
export function LoginPage() {
  const m = useAuthMessages()
  const error = useAuth((s) => s.error)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [missing, setMissing] = useState(false)
  const [sso, setSso] = useState(false)
  // Why single sign-on sent us back here (the server's callback redirects to /?login_error=<code>).
  const [ssoError, setSsoError] = useState(() => ssoErrorCode(window.location.search))

  useEffect(() => {
    const ask = new AbortController()
    void fetchSsoEnabled(ask.signal).then((on) => {
      if (!ask.signal.aborted) setSso(on)
    })
    if (ssoErrorCode(window.location.search))
      window.history.replaceState(null, '', withoutLoginError(window.location.href))
    return () => ask.abort()
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!username.trim() || !password) return setMissing(true)
    setMissing(false)
    setSsoError(null)
    setBusy(true)
    const ok = await signIn(username.trim(), password)
    setBusy(false)
    // The username stays; only a wrong password is cleared.
    if (!ok) setPassword('')
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            院
          </span>
          <div>
            <h1 id="login-title">{m.title}</h1>
            <p>{m.subtitle}</p>
          </div>
        </div>
        {sso && (
          <>
            <a className="sso-button" href={SSO_START} data-testid="sso-sign-in">
              {m.sso}
            </a>
            <p className="sso-or">{m.ssoOr}</p>
          </>
        )}
        <label>
          {m.username}
          <input
            name="username"
            autoComplete="username"
            value={username}
            maxLength={64}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {m.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            maxLength={1024}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {(missing || error || ssoError) && (
          <p className="login-error" role="alert">
            {missing ? m.required : error ? signInError(error, m) : m.ssoErrors[ssoError!]}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? m.signingIn : m.signIn}
        </button>
      </form>
    </main>
  )
}
