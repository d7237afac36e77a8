import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import {
  EMPTY,
  describeError,
  formatCode,
  formatCount,
  formatDate,
  formatPercent,
  formatText,
  formatWithUnit,
  interpolate,
} from './format.ts'

describe('formatCount', () => {
  it('groups thousands', () => expect(formatCount(12345, 'zh-CN')).toBe('12,345'))
  it('shows an unknown count as an em dash, not zero', () => {
    expect(formatCount(null, 'zh-CN')).toBe(EMPTY)
    expect(formatCount(undefined, 'en')).toBe(EMPTY)
    expect(formatCount(Number.NaN, 'en')).toBe(EMPTY)
  })
  it('keeps a real zero', () => expect(formatCount(0, 'zh-CN')).toBe('0'))
})

describe('formatPercent', () => {
  it('renders a share as a percentage with one decimal', () =>
    expect(formatPercent(0.873, 'zh-CN')).toBe('87.3%'))
  it('drops a trailing zero decimal', () => expect(formatPercent(0.35, 'en')).toBe('35%'))
  it('shows an unknown share as an em dash', () => expect(formatPercent(null, 'zh-CN')).toBe(EMPTY))
})

describe('formatWithUnit', () => {
  it('writes Chinese units flush', () => expect(formatWithUnit(240, '米', 'zh-CN')).toBe('240米'))
  it('separates English units with a space', () =>
    expect(formatWithUnit(240, 'm', 'en')).toBe('240 m'))
  it('omits the unit when the value is unknown', () =>
    expect(formatWithUnit(null, '米', 'zh-CN')).toBe(EMPTY))
})

describe('formatText and formatCode', () => {
  it('shows blank text as an em dash', () => expect(formatText('  ')).toBe(EMPTY))
  it('labels a tenure code in Chinese', () =>
    expect(formatCode('reformed', 'zh-CN')).toBe('房改房'))
  it('labels a tenure code in English', () =>
    expect(formatCode('dorm', 'en')).toBe('Work-unit dorm'))
  it('shows an unmapped code raw rather than hiding it', () =>
    expect(formatCode('mystery', 'zh-CN')).toBe('mystery'))
  it('shows a missing code as an em dash', () => expect(formatCode(null, 'zh-CN')).toBe(EMPTY))
})

describe('formatDate', () => {
  it('keeps the calendar date of an ISO date', () =>
    expect(formatDate('2022-07-01')).toBe('2022-07-01'))
  it('shows an invalid date as an em dash', () => expect(formatDate('not a date')).toBe(EMPTY))
})

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones', () =>
    expect(interpolate('步行 {m} 米内 {x}', { m: 300 })).toBe('步行 300 米内 {x}'))
})

describe('describeError', () => {
  it("explains a server error in Chinese and keeps the server's message", () => {
    const e = new ApiError(404, 'NOT_FOUND', 'area 510199 not found')
    expect(describeError(e, 'zh-CN')).toBe('未找到所请求的数据（area 510199 not found）')
  })
  it('does not repeat a server message that already says it', () => {
    const e = new ApiError(503, 'DB_UNAVAILABLE', '数据库暂时不可用，请稍后重试')
    expect(describeError(e, 'zh-CN')).toBe('数据库暂时不可用，请稍后重试')
  })
  it('explains a network failure in Chinese', () => {
    const e = new ApiError(0, 'network', 'Failed to fetch')
    expect(describeError(e, 'zh-CN')).toBe('无法连接服务器，请检查网络或联系管理员')
  })
  it('explains a bare 503 without an error body', () => {
    const e = new ApiError(503, 'http_503', 'Service Unavailable')
    expect(describeError(e, 'zh-CN')).toBe('数据库暂时不可用，请稍后重试')
  })
  it('names the status of an unexplained server failure', () => {
    const e = new ApiError(502, 'http_502', 'Bad Gateway')
    expect(describeError(e, 'en')).toBe('Server error (HTTP 502)')
  })
})
