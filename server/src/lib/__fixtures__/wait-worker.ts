// A task that blocks its thread until the caller's thread flips a shared flag: it can only finish
// if the caller's event loop keeps running while the task runs.
import { serveTask } from '../worker-task.ts'

serveTask((flag: SharedArrayBuffer) => {
  const cell = new Int32Array(flag)
  // Blocks this thread (not the caller's) for at most 10 s waiting for the caller to store 1.
  const outcome = Atomics.wait(cell, 0, 0, 10_000)
  return outcome === 'timed-out' ? 'timed out' : 'released'
})
