import { describe, expect, it } from 'vitest'
import { HISTORY_LIMIT, record, redo, startHistory, undo } from './plans-history.ts'

describe('undo history', () => {
  it('undoes and redoes one step', () => {
    const h = record(startHistory('a'), 'b')
    expect(undo(h).present).toBe('a')
    expect(redo(undo(h)).present).toBe('b')
  })
  it('records nothing for an edit that changed nothing', () => {
    const h = startHistory('a')
    expect(record(h, 'a')).toBe(h)
  })
  it('drops the redo steps once a new edit is made', () => {
    const h = record(undo(record(startHistory('a'), 'b')), 'c')
    expect(h.future).toEqual([])
    expect(redo(h)).toBe(h)
  })
  it('keeps at least 50 steps and at most its limit', () => {
    let h = startHistory(0)
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i)
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(50)
    expect(h.past).toHaveLength(HISTORY_LIMIT)
    for (let i = 0; i < HISTORY_LIMIT; i++) h = undo(h)
    expect(h.present).toBe(20)
    expect(undo(h)).toBe(h)
  })
  it('does nothing to undo on a fresh history', () => {
    const h = startHistory('a')
    expect(undo(h)).toBe(h)
  })
})
