import { describe, expect, it } from 'vitest'
import { perVersion, perVersionPerDb } from './per-version.ts'

/** A computation whose answers the test releases one by one. */
function controlled() {
  const calls: { resolve: (n: number) => void; reject: (e: Error) => void }[] = []
  const compute = () =>
    new Promise<number>((resolve, reject) => {
      calls.push({ resolve, reject })
    })
  return { calls, compute }
}

describe('perVersion: a value computed once per data version', () => {
  it('answers a version from its own or a later one, never from another epoch', async () => {
    const { calls, compute } = controlled()
    const get = perVersion(compute)
    const first = get('e.10')
    calls[0]!.resolve(1)
    expect(await first).toBe(1)
    expect(await get('e.10')).toBe(1) // the same version
    expect(await get('e.9')).toBe(1) // an earlier one: e.10's answer includes it
    const other = get('f.9') // another database: computed anew
    expect(calls.length).toBe(2)
    calls[1]!.resolve(2)
    expect(await other).toBe(2)
    const later = get('f.10')
    expect(calls.length).toBe(3)
    calls[2]!.resolve(3)
    expect(await later).toBe(3)
  })

  it('shares one computation between concurrent requests of a version', async () => {
    const { calls, compute } = controlled()
    const get = perVersion(compute)
    const answers = [get('e.1'), get('e.1'), get('e.1')]
    expect(calls.length).toBe(1)
    calls[0]!.resolve(42)
    expect(await Promise.all(answers)).toEqual([42, 42, 42])
    expect(await get('e.1')).toBe(42)
    expect(get.computations).toBe(1)
  })

  it('computes again for a later version, and answers an earlier version from the later one', async () => {
    const { calls, compute } = controlled()
    const get = perVersion(compute)
    const first = get('e.1')
    calls[0]!.resolve(1)
    expect(await first).toBe(1)
    const second = get('e.2')
    expect(calls.length).toBe(2)
    calls[1]!.resolve(2)
    expect(await second).toBe(2)
    // A request that read the older version before the write may get the newer answer, never stale.
    expect(await get('e.1')).toBe(2)
    expect(get.computations).toBe(2)
    // Another database behind the same cache (a restored copy): computed afresh.
    const other = get('f.1')
    calls[2]!.resolve(3)
    expect(await other).toBe(3)
  })

  it('does not keep a failure: the next request computes again', async () => {
    const { calls, compute } = controlled()
    const get = perVersion(compute)
    const failing = get('e.1')
    calls[0]!.reject(new Error('database unavailable'))
    await expect(failing).rejects.toThrow('database unavailable')
    const retry = get('e.1')
    expect(calls.length).toBe(2)
    calls[1]!.resolve(7)
    expect(await retry).toBe(7)
  })

  it('keeps one cache per database', async () => {
    const seen: string[] = []
    const of = perVersionPerDb(async (db: { name: string }) => {
      seen.push(db.name)
      return db.name.length
    })
    const a = { name: 'a' }
    const bb = { name: 'bb' }
    expect(of(a)).toBe(of(a))
    expect(await of(a)('e.1')).toBe(1)
    expect(await of(bb)('e.1')).toBe(2)
    expect(await of(a)('e.1')).toBe(1)
    expect(seen).toEqual(['a', 'bb'])
  })
})
