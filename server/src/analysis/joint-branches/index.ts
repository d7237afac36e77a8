export { solveJointBranches } from './solve.ts'
export { solveJointExact } from './exact.ts'
export type { ExactResult, ExactOptions } from './exact.ts'
export { groupCentre, groupRadiusM } from './geometry.ts'
export { RADIUS_TOLERANCE_M } from './problem.ts'
export { CLASSIC_MAXP_RULES, DEFAULT_JOINT_RULES, JointInputError } from './types.ts'
export type {
  JointBound,
  JointEdge,
  JointGroup,
  JointLeftover,
  JointResult,
  JointRules,
  JointStats,
  JointUnit,
  LeftoverReason,
  SolveOptions,
} from './types.ts'
