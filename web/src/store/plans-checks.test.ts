import { describe, expect, it } from 'vitest'
import {
  bestBranchFor,
  checksOf,
  leftoversOf,
  ruleContextOf,
  summarise,
  verdictOf,
} from './plans-checks.ts'
import { branch, context, doc } from './plans-fixtures.ts'

const rc = () => ruleContextOf(context())
const failing = (lines: { id: string; pass: boolean }[]) =>
  lines.filter((l) => !l.pass).map((l) => l.id)

describe('checks of a branch', () => {
  it('fails the member floor with two members and passes it with three', () => {
    const r = rc()
    const two = checksOf(r, branch('a', [1, 2]))
    expect(two.find((l) => l.id === 'members_min')).toMatchObject({
      pass: false,
      value: 2,
      limit: 3,
    })
    expect(failing(checksOf(r, branch('a', [1, 2, 3])))).toEqual([])
  })
  it('flags a branch in two pieces and across two communities', () => {
    expect(failing(checksOf(rc(), branch('a', [1, 2, 6])))).toEqual(['contiguous', 'one_community'])
  })
  it('ignores a compound outside the plan area instead of failing', () => {
    expect(
      checksOf(rc(), branch('a', [1, 2, 3, 999])).find((l) => l.id === 'compounds_max')?.value,
    ).toBe(3)
  })
  it('checks an unchanged branch once', () => {
    const r = rc()
    const b = branch('a', [1, 2])
    expect(checksOf(r, b)).toBe(checksOf(r, b))
  })
})

describe('verdict', () => {
  const lines = (pass: boolean, hard: boolean) => [
    { id: 'members_min' as const, pass: true, value: 3, limit: 3, hard: true },
    { id: 'contiguous' as const, pass, value: pass ? 1 : 2, limit: 1, hard },
  ]
  it('asks for a reason when a warning fails', () =>
    expect(verdictOf(lines(false, false), null)).toBe('needsReason'))
  it('accepts a failing warning with a reason', () =>
    expect(verdictOf(lines(false, false), '隔街')).toBe('reasoned'))
  it('never accepts a hard failure, reason or not', () =>
    expect(verdictOf(lines(false, true), '理由')).toBe('hard'))
  it('is ok when every rule passes', () => expect(verdictOf(lines(true, false), null)).toBe('ok'))
})

describe('summary', () => {
  it('counts branches, compounds and the coverage the plan would reach', () => {
    const s = summarise(rc(), doc(branch('a', [1, 2, 3]), branch('b', [4, 5])))
    expect(s).toMatchObject({ branches: 2, compounds: 5, members: 5 })
    expect(s.verdicts).toEqual({ ok: 1, reasoned: 0, needsReason: 0, hard: 1 })
    expect(s.coverageAfter).toEqual({ oldCompounds: 10, organised: 9, organisationCoverage: 0.9 })
  })
})

describe('leftovers', () => {
  it('lists small unorganised compounds no branch holds', () => {
    expect(leftoversOf(rc(), doc(branch('a', [1, 2, 3]))).map((c) => c.id)).toEqual([4, 5, 6])
  })
})

describe('best neighbouring branch for a leftover', () => {
  it('attaches to the adjacent branch that stays valid', () => {
    const d = doc(branch('a', [1, 2, 3]))
    expect(bestBranchFor(rc(), d, 4)).toMatchObject({ key: 'a' })
  })
  it('prefers the neighbour with fewer members', () => {
    // 3 touches b (4, 5, 6: 3 members) and a (1, 2: 2 members); both stay valid, a is smaller.
    const d = doc(branch('b', [4, 5, 6]), branch('a', [1, 2]))
    expect(bestBranchFor(rc(), d, 3)).toMatchObject({ key: 'a' })
  })
  it('skips a neighbour the leftover would push over the compound ceiling', () => {
    const r = ruleContextOf({ ...context(), rules: { ...context().rules, maxCompounds: 3 } })
    const d = doc(branch('a', [1, 2]), branch('b', [4, 5, 6]))
    expect(bestBranchFor(r, d, 3)).toMatchObject({ key: 'a' })
    expect(bestBranchFor(r, doc(branch('b', [4, 5, 6])), 3)).toEqual({
      key: null,
      why: 'none_valid',
    })
  })
  it('never attaches to a locked branch', () => {
    const d = doc(branch('a', [1, 2, 3], { locked: true }))
    expect(bestBranchFor(rc(), d, 4)).toEqual({ key: null, why: 'no_neighbour' })
  })
  it('says when no branch touches the leftover', () => {
    expect(bestBranchFor(rc(), doc(branch('a', [1])), 5)).toEqual({
      key: null,
      why: 'no_neighbour',
    })
  })
})
