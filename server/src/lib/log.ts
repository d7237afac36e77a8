import type { Logger } from './context.ts'

type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** A one-line JSON logger to stderr; quiet below `min`. */
export function createLogger(min: Level = 'info'): Logger {
  const write = (level: Level) => (msg: string, extra?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[min]) return
    process.stderr.write(
      JSON.stringify({ t: new Date().toISOString(), level, msg, ...extra }) + '\n',
    )
  }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

/** A logger that keeps lines in memory, for tests that assert what was logged. */
export function memoryLogger(): Logger & {
  lines: { level: string; msg: string; extra?: unknown }[]
} {
  const lines: { level: string; msg: string; extra?: unknown }[] = []
  const push = (level: string) => (msg: string, extra?: Record<string, unknown>) => {
    lines.push({ level, msg, extra })
  }
  return { lines, info: push('info'), warn: push('warn'), error: push('error') }
}
