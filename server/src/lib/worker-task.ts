import { Worker, parentPort } from 'node:worker_threads'

interface Request<I> {
  id: number
  input: I
}
type Reply<O> =
  { id: number; ok: true; output: O } | { id: number; ok: false; message: string; name: string }

/** One long-lived worker thread running a pure function; calls queue on it in order. */
export interface WorkerTask<I, O> {
  run(input: I): Promise<O>
  close(): Promise<void>
}

/**
 * Starts (lazily, on the first run) a worker thread for `entry`, a module that calls `serveTask`.
 * Heavy analyses run there so the API's event loop keeps answering tiles and reads meanwhile.
 */
export function workerTask<I, O>(entry: URL): WorkerTask<I, O> {
  let worker: Worker | undefined
  let nextId = 0
  const pending = new Map<number, { resolve: (o: O) => void; reject: (e: Error) => void }>()

  const start = () => {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: entry.href },
    })
    w.on('message', (reply: Reply<O>) => {
      const call = pending.get(reply.id)
      if (!call) return
      pending.delete(reply.id)
      if (reply.ok) call.resolve(reply.output)
      else call.reject(Object.assign(new Error(reply.message), { name: reply.name }))
    })
    // A crashed worker fails what it was doing; the next call starts a fresh one.
    const fail = (err: Error) => {
      for (const call of pending.values()) call.reject(err)
      pending.clear()
      worker = undefined
    }
    w.on('error', fail)
    w.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)))
    w.unref()
    return w
  }

  return {
    run(input) {
      worker ??= start()
      const id = ++nextId
      const w = worker
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        w.postMessage({ id, input } satisfies Request<I>)
      })
    },
    async close() {
      const w = worker
      worker = undefined
      if (w) await w.terminate()
    },
  }
}

/** Inside a worker module: answers each request with `fn(input)`; thrown errors keep their name and message. */
export function serveTask<I, O>(fn: (input: I) => O | Promise<O>): void {
  if (!parentPort) throw new Error('serveTask must run inside a worker thread')
  const port = parentPort
  port.on('message', async ({ id, input }: Request<I>) => {
    try {
      port.postMessage({ id, ok: true, output: await fn(input) } satisfies Reply<O>)
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      port.postMessage({ id, ok: false, message: e.message, name: e.name } satisfies Reply<O>)
    }
  })
}
