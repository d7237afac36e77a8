// Prints the outcome of `vitest run` from its JSON report; the last line is exactly
// `N passed, N failed`, and the exit code is 1 when anything failed or the report is missing.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

interface Assertion {
  fullName: string
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled'
  failureMessages: string[]
}
interface FileResult {
  name: string
  status: 'passed' | 'failed'
  message: string
  assertionResults: Assertion[]
}
interface Report {
  numPassedTests: number
  success: boolean
  testResults: FileResult[]
}

/**
 * Counts failures so that a file that failed to load or whose hook threw counts at least once: the
 * JSON report marks such a file failed but its tests only "skipped".
 */
function summarise(report: Report): { passed: number; failed: number; lines: string[] } {
  const lines: string[] = []
  let failed = 0
  for (const file of report.testResults) {
    const name = relative(process.cwd(), file.name)
    const failures = file.assertionResults.filter((a) => a.status === 'failed')
    for (const a of failures)
      lines.push(`FAIL ${name} > ${a.fullName}: ${firstLine(a.failureMessages[0])}`)
    failed += failures.length
    if (file.status === 'failed' && failures.length === 0) {
      failed += 1
      lines.push(`FAIL ${name}: ${firstLine(file.message) || 'a hook or the file itself failed'}`)
    }
    for (const a of file.assertionResults.filter(
      (x) => x.status !== 'passed' && x.status !== 'failed',
    )) {
      lines.push(`DID NOT RUN ${name} > ${a.fullName}`)
    }
  }
  // Unhandled errors fail the run without failing any test.
  if (!report.success && failed === 0) {
    failed = 1
    lines.push('FAIL the run reported errors outside any test (see the output above)')
  }
  return { passed: report.numPassedTests, failed, lines }
}

const firstLine = (s: string | undefined) => (s ?? '').split('\n')[0]?.trim() ?? ''

function main(path = 'tests/output/vitest.json') {
  let report: Report
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Report
  } catch (err) {
    console.log(`no test report at ${path}: ${err instanceof Error ? err.message : String(err)}`)
    console.log('0 passed, 1 failed')
    return 1
  }
  const { passed, failed, lines } = summarise(report)
  for (const line of lines) console.log(line)
  console.log(`${passed} passed, ${failed} failed`)
  return failed > 0 ? 1 : 0
}

process.exitCode = main(process.argv[2])
