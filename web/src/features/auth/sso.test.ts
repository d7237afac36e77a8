import { describe, expect, it } from 'vitest'
import { LOGIN_ERRORS } from '../../../../server/src/features/auth/oidc.routes.ts'
import { AUTH_MESSAGES } from './messages.ts'
import { ssoErrorCode, withoutLoginError } from './sso.ts'

describe('single sign-on on the sign-in page', () => {
  it('has a message in Chinese and English for every code the callback redirects with', () => {
    for (const code of LOGIN_ERRORS) {
      expect(ssoErrorCode(`?login_error=${code}`)).toBe(code)
      for (const lang of ['zh-CN', 'en'] as const)
        expect(AUTH_MESSAGES[lang].ssoErrors[code], `${lang} ${code}`).toMatch(/\S/)
    }
    expect(AUTH_MESSAGES['zh-CN'].ssoErrors.unknown_user).toContain('管理员')
    expect(AUTH_MESSAGES['zh-CN'].sso).toBe('政务统一身份认证登录')
  })

  it('reads the code from the query, calls unknown codes "other" and no code null', () => {
    expect(ssoErrorCode('')).toBeNull()
    expect(ssoErrorCode('?area=1')).toBeNull()
    expect(ssoErrorCode('?login_error=<script>')).toBe('other')
  })

  it('drops only login_error from the address', () => {
    expect(withoutLoginError('http://h/?login_error=state&plan=3#x')).toBe('/?plan=3#x')
    expect(withoutLoginError('http://h/?login_error=expired')).toBe('/')
  })
})
