import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { SESSION_ENDED, sessionLost } from './auth-state.ts'
import { signInError } from './LoginPage.tsx'
import { AUTH_MESSAGES } from './messages.ts'

const zh = AUTH_MESSAGES['zh-CN']

describe('why the sign-in page came back', () => {
  it("says the session timed out when the server's 401 gives the idle reason", () => {
    const idle = new ApiError(401, 'UNAUTHENTICATED', 'timed out', { reason: 'idle' })
    expect(signInError(sessionLost(idle), zh)).toBe('登录已超时,请重新登录')
  })

  it('says the session ended, not "wrong password", for any other 401 while signed in', () => {
    const lost = sessionLost(new ApiError(401, 'UNAUTHENTICATED', 'sign in first'))
    expect(lost.code).toBe(SESSION_ENDED)
    expect(signInError(lost, zh)).toBe(zh.ended)
    expect(signInError(lost, zh)).not.toBe(zh.wrong)
  })

  it('still says "wrong username or password" for a refused sign-in', () => {
    expect(signInError(new ApiError(401, 'UNAUTHENTICATED', 'wrong'), zh)).toBe(zh.wrong)
  })

  it('has the timeout and ended messages in English too', () => {
    expect(AUTH_MESSAGES.en.idle).toMatch(/timed out/)
    expect(AUTH_MESSAGES.en.ended).toMatch(/ended/)
  })
})
