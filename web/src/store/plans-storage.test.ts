import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAuth } from '../features/auth/auth-state.ts'
import { branch, doc } from './plans-fixtures.ts'
import {
  browserStorage,
  clearPending,
  pendingKey,
  readPending,
  writePending,
} from './plans-storage.ts'

function memoryStore() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  }
}

describe('unsaved edits kept in the browser', () => {
  const entry = { planId: 7, baseVersion: 3, base: doc(), doc: doc(branch('a', [1, 2])) }
  it('reads back what was kept, with its base version', () => {
    const store = memoryStore()
    expect(writePending(store, entry)).toBe(true)
    expect(readPending(store, 7)).toEqual(entry)
  })
  it('keeps plans apart and forgets one once saved', () => {
    const store = memoryStore()
    writePending(store, entry)
    writePending(store, { ...entry, planId: 8 })
    clearPending(store, 7)
    expect(readPending(store, 7)).toBeNull()
    expect(readPending(store, 8)?.planId).toBe(8)
  })
  it('ignores an unreadable entry instead of failing', () => {
    const store = memoryStore()
    store.setItem(pendingKey(7), '{not json')
    expect(readPending(store, 7)).toBeNull()
    store.setItem(pendingKey(7), JSON.stringify({ planId: 7, baseVersion: 1 }))
    expect(readPending(store, 7)).toBeNull()
  })
  it('reports a browser that refuses to store', () => {
    const full = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(writePending(full, entry)).toBe(false)
  })
})

describe('edits kept per account', () => {
  const entry = { planId: 7, baseVersion: 3, base: doc(), doc: doc(branch('a', [1, 2])) }
  const as = (id: number) =>
    useAuth.setState({
      status: 'signed-in',
      user: { id, username: `u${id}`, displayName: `u${id}`, role: 'planner', jurisdiction: null },
    })
  beforeEach(() => vi.stubGlobal('localStorage', memoryStore()))
  afterEach(() => {
    vi.unstubAllGlobals()
    useAuth.setState({ status: 'signed-out', user: null })
  })

  it('never gives one account’s unsaved edits to another signing in on the same browser', () => {
    as(1)
    writePending(browserStorage(), entry)
    as(2)
    expect(readPending(browserStorage(), 7)).toBeNull()
    writePending(browserStorage(), { ...entry, baseVersion: 4 })
    clearPending(browserStorage(), 7)
    as(1)
    expect(readPending(browserStorage(), 7)).toEqual(entry)
  })
})
