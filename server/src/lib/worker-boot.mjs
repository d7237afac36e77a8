// Runs a TypeScript worker module: registers tsx in this thread, then imports the entry named in
// workerData. Plain .mjs so Node can start it without a loader; 'tsx' resolves from this file.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
