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
})
