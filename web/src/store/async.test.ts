import { describe, expect, it } from 'vitest'
import { begin, dataOf, fail, idle, succeed, type Async } from './async.ts'

describe('async value', () => {
  it('becomes ready with the answer to the current question', () => {
    const a = succeed(begin(idle<number>(), 'a'), 'a', 1)
    expect(a).toEqual({ status: 'ready', key: 'a', data: 1 })
  })

  it('drops a late answer to an older question', () => {
    const asked = begin(begin(idle<number>(), 'a'), 'b')
    expect(succeed(asked, 'a', 1)).toBe(asked)
  })

  it('drops a late failure of an older question', () => {
    const asked = begin(begin(idle<number>(), 'a'), 'b')
    expect(fail(asked, 'a', new Error('x'))).toBe(asked)
  })

  it('keeps the previous data while reloading', () => {
    const ready: Async<number> = { status: 'ready', key: 'a', data: 1 }
    expect(dataOf(begin(ready, 'b'))).toBe(1)
  })

  it('keeps the previous data when a reload fails', () => {
    const reloading = begin<number>({ status: 'ready', key: 'a', data: 1 }, 'b')
    const failed = fail(reloading, 'b', new Error('x'))
    expect(failed.status).toBe('error')
    expect(dataOf(failed)).toBe(1)
  })

  it('ignores an answer when nothing was asked', () => {
    const a = idle<number>()
    expect(succeed(a, 'a', 1)).toBe(a)
  })
})
