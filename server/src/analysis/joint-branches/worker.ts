// The joint-branch solver as a worker thread (see lib/worker-task.ts), so the API stays responsive.
import { serveTask } from '../../lib/worker-task.ts'
import { solveJointBranches } from './solve.ts'
import type { JointEdge, JointResult, JointRules, JointUnit, SolveOptions } from './types.ts'

export interface JointTaskInput {
  units: JointUnit[]
  edges: JointEdge[]
  rules: JointRules
  options: SolveOptions
}

serveTask<JointTaskInput, JointResult>(({ units, edges, rules, options }) =>
  solveJointBranches(units, edges, rules, options),
)
