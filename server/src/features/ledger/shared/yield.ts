/**
 * Lets timers and other requests run. PGlite executes statements on the main thread and resolves
 * them as microtasks, so a chain of statements would otherwise starve the event loop until done.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
