import { serveTask } from '../worker-task.ts'

// A worker for worker-task.test.ts: sums numbers, rejects negative ones by name.
serveTask((numbers: number[]) => {
  if (numbers.some((n) => n < 0)) throw new RangeError('negative number')
  return numbers.reduce((a, b) => a + b, 0)
})
