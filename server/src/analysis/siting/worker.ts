// The siting solver as a worker thread (see lib/worker-task.ts): HiGHS may run for seconds.
import { serveTask } from '../../lib/worker-task.ts'
import { solveSiting } from './solve.ts'
import type { SitingProblem, SitingResult, SolveOptions } from './types.ts'

export interface SitingTaskInput {
  problem: SitingProblem
  options: SolveOptions
}

serveTask<SitingTaskInput, SitingResult>(({ problem, options }) => solveSiting(problem, options))
