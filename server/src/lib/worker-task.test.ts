import { afterAll, describe, expect, it } from 'vitest'
import { workerTask } from './worker-task.ts'

describe('workerTask', () => {
  const task = workerTask<number[], number>(
    new URL('./__fixtures__/sum-worker.ts', import.meta.url),
  )
  afterAll(() => task.close())

  it('runs a TypeScript module in a worker thread and returns its answer', async () => {
    expect(await task.run([1, 2, 3])).toBe(6)
  })

  it('answers concurrent calls each with its own result', async () => {
    const answers = await Promise.all([[1], [2, 2], [3, 3, 3]].map((n) => task.run(n)))
    expect(answers).toEqual([1, 4, 9])
  })

  it('passes a thrown error back with its name and message', async () => {
    await expect(task.run([1, -1])).rejects.toMatchObject({
      name: 'RangeError',
      message: 'negative number',
    })
  })

  it("leaves the caller's event loop running while a task blocks its own thread", async () => {
    // The task waits until this thread stores 1 in a shared cell, from a callback that only runs if
    // this event loop is free. Had the task run on this thread, it would wait its full 10 s.
    const waiter = workerTask<SharedArrayBuffer, string>(
      new URL('./__fixtures__/wait-worker.ts', import.meta.url),
    )
    try {
      const flag = new SharedArrayBuffer(4)
      const answer = waiter.run(flag)
      const cell = new Int32Array(flag)
      // Keep storing until the worker has started and seen it (it may not be waiting yet).
      const release = setInterval(() => {
        Atomics.store(cell, 0, 1)
        Atomics.notify(cell, 0)
      }, 5)
      try {
        expect(await answer).toBe('released')
      } finally {
        clearInterval(release)
      }
    } finally {
      await waiter.close()
    }
  }, 20_000)
})
