import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  CompoundFormChanges,
  FundingChanges,
} from '../../../server/src/features/ledger/edit/edit-schemas.ts'
import {
  changesOf,
  conflictRows,
  parseField,
  reapply,
  serverFieldErrors,
  toForm,
  validate,
  type FieldSpec,
} from './ledger-form.ts'

const spec: FieldSpec[] = [
  { name: 'name', kind: 'text', required: true },
  { name: 'households', kind: 'int' },
  { name: 'elderly_share', kind: 'number' },
  { name: 'is_old', kind: 'bool' },
  { name: 'tenure', kind: 'enum', options: ['commercial', 'public'] },
  { name: 'self_governance', kind: 'multi', options: ['council', 'owners_committee'] },
]
const original = {
  name: '红星小区',
  households: 120,
  elderly_share: 0.25,
  is_old: true,
  tenure: null,
  self_governance: ['council'],
}

describe('ledger edit form model', () => {
  it('shows a record as text and sends back only what changed', () => {
    const form = toForm(spec, original)
    expect(form).toEqual({
      name: '红星小区',
      households: '120',
      elderly_share: '0.25',
      is_old: 'true',
      tenure: '',
      self_governance: ['council'],
    })
    expect(changesOf(spec, form, original)).toEqual({})
    const edited = { ...form, households: '１３０', tenure: 'public', self_governance: [] }
    expect(changesOf(spec, edited, original)).toEqual({
      households: 130, // full-width digits read as a number
      tenure: 'public',
      self_governance: [],
    })
  })

  it('keeps text that is not a number for the schema to refuse, in Chinese', () => {
    const f = spec[1]!
    expect(parseField(f, '十二')).toBe('十二')
    expect(parseField(f, '')).toBeNull()
    expect(parseField(spec[0]!, '  ')).toBe('')
    const changes = changesOf(
      spec,
      { ...toForm(spec, original), households: '-3', name: '' },
      original,
    )
    expect(validate(CompoundFormChanges, changes)).toEqual({
      name: '必填',
      households: '须为非负整数',
    })
    expect(validate(CompoundFormChanges, { households: '十二' })).toEqual({
      households: '须为非负整数',
    })
    expect(validate(FundingChanges, { amount_yuan: 1.234 })).toEqual({
      amount_yuan: '最多两位小数',
    })
    expect(validate(z.object({}).strict(), {})).toEqual({})
  })

  it('reads the server’s 400 issues by field', () => {
    expect(
      serverFieldErrors({
        issues: [
          { field: 'changes.code', label: '小区编码', message: "编码 'X' 已被另一小区使用" },
          { field: 'year', label: '年度', message: '须为年份' },
        ],
      }),
    ).toEqual({ code: "编码 'X' 已被另一小区使用", year: '须为年份' })
    expect(serverFieldErrors(undefined)).toEqual({})
  })

  it('lists my and their changes for the review, and re-applies mine on theirs', () => {
    const mine = { households: 130, tenure: 'public' }
    const theirs = { ...original, households: 150, name: '红星新村' }
    const rows = conflictRows(spec, mine, original, theirs)
    expect(rows).toEqual([
      { field: 'name', mine: '红星小区', theirs: '红星新村', original: '红星小区', clash: false },
      { field: 'households', mine: 130, theirs: 150, original: 120, clash: true },
      { field: 'tenure', mine: 'public', theirs: null, original: null, clash: false },
    ])
    const form = reapply(spec, mine, theirs)
    expect(form).toMatchObject({ name: '红星新村', households: '130', tenure: 'public' })
    // Saved against their record, only my fields are sent.
    expect(changesOf(spec, form, theirs)).toEqual(mine)
  })
})
