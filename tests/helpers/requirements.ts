import { describe, it } from 'vitest'

/** The switch that turns "could not run here" into a failure (CI sets both). */
export type Requirement = 'REQUIRE_POSTGIS' | 'REQUIRE_BROWSER'

/** True when the environment demands the capability (`REQUIRE_X=1`). */
export const isRequired = (req: Requirement): boolean => process.env[req] === '1'

/** A warning nobody scrolls past: these suites did not run. */
export function banner(what: string, reason: string, req: Requirement): string {
  const verdict = isRequired(req) ? `${req}=1: they FAIL` : `set ${req}=1 to make that a failure`
  const lines = [`${what.toUpperCase()} DID NOT RUN`, reason, verdict]
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const bar = '!'.repeat(width)
  return ['', bar, ...lines.map((l) => `! ${l.padEnd(width - 4)} !`), bar, ''].join('\n')
}

/**
 * Stands in for a suite that cannot run here: one test that fails when the capability is required,
 * otherwise reports itself skipped with the reason, so the gap shows in every summary.
 */
export function missingSuite(name: string, reason: string, req: Requirement): void {
  describe(name, () => {
    it(`DID NOT RUN: ${reason}`, (ctx) => {
      if (isRequired(req)) throw new Error(`${name} must run (${req}=1) but cannot: ${reason}`)
      console.warn(banner(name, reason, req))
      ctx.skip(reason)
    })
  })
}
