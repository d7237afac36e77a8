import { describe, expect, it } from 'vitest'
import {
  COMPOUND_FIELDS,
  FIELD_LABELS as SERVER_LABELS,
} from '../../../../server/src/import/index.ts'
import { FIELD_LABELS, LEDGER_FIELDS, fieldLabel } from './fields.ts'

describe('ledger field labels', () => {
  it('offers exactly the import core’s fields, in its order, with its Chinese labels', () => {
    expect([...LEDGER_FIELDS]).toEqual(COMPOUND_FIELDS)
    expect(FIELD_LABELS['zh-CN']).toEqual(SERVER_LABELS)
  })

  it('has an English label for every field and names the extra preview columns', () => {
    for (const f of LEDGER_FIELDS) expect(FIELD_LABELS.en[f]).toMatch(/\w/)
    expect(fieldLabel('boundary', 'zh-CN')).toBe('边界')
    expect(fieldLabel('future_field', 'en')).toBe('future_field')
  })
})
