import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import {
  INITIAL_FORM,
  fieldErrorsFromApi,
  isFieldFailure,
  parseForm,
  parseNumber,
  type RuleForm,
} from './joint-form.ts'

const form = (change: (f: RuleForm) => void = () => {}): RuleForm => {
  const f = structuredClone(INITIAL_FORM)
  change(f)
  return f
}

const badRequest = (issues: { field: string; message: string }[]) =>
  new ApiError(400, 'BAD_REQUEST', 'invalid json', { issues })

describe('parseForm', () => {
  it('sends every rule the form shows, with the DOMAIN.md defaults', () =>
    expect(parseForm(form(), '510104')).toEqual({
      ok: true,
      request: {
        area: '510104',
        minMembers: 3,
        maxCompounds: 5,
        maxMembers: 50,
        sameCommunity: true,
        radiusM: 500,
        gapM: 30,
        oldOnly: true,
      },
    }))
  it('sends null for a ceiling switched off', () => {
    const parsed = parseForm(
      form((f) => (f.enabled.radiusM = false)),
      '510104',
    )
    expect(parsed.ok && parsed.request.radiusM).toBeNull()
  })
  it('ignores the text of a switched-off rule', () => {
    const f = form((f) => {
      f.enabled.maxMembers = false
      f.values.maxMembers = 'abc'
    })
    expect(parseForm(f, '510104').ok).toBe(true)
  })
  it('refuses a blank field as not a number', () =>
    expect(
      parseForm(
        form((f) => (f.values.gapM = ' ')),
        '510104',
      ),
    ).toEqual({
      ok: false,
      errors: { gapM: { kind: 'notNumber' } },
    }))
  it('leaves ranges to the server: 0 members is sent as typed', () => {
    const parsed = parseForm(
      form((f) => (f.values.minMembers = '0')),
      '510104',
    )
    expect(parsed.ok && parsed.request.minMembers).toBe(0)
  })
  it('sends the flags as ticked', () => {
    const parsed = parseForm(
      form((f) => (f.flags.sameCommunity = false)),
      '510104',
    )
    expect(parsed.ok && parsed.request.sameCommunity).toBe(false)
  })
})

describe('parseNumber', () => {
  it('reads decimals', () => expect(parseNumber('12.5')).toBe(12.5))
  it('rejects words', () => expect(parseNumber('十')).toBeNull())
  it('rejects infinity', () => expect(parseNumber('Infinity')).toBeNull())
})

describe('fieldErrorsFromApi', () => {
  it('puts each issue of a 400 beside the input it names', () => {
    const e = badRequest([
      { field: 'minMembers', message: 'Too small' },
      { field: 'radiusM', message: 'Too big' },
    ])
    expect(fieldErrorsFromApi(e).fields).toEqual({
      minMembers: { kind: 'invalid', message: 'Too small' },
      radiusM: { kind: 'invalid', message: 'Too big' },
    })
  })
  it('keeps issues about fields the form does not have apart', () =>
    expect(fieldErrorsFromApi(badRequest([{ field: 'seed', message: 'bad' }]))).toEqual({
      fields: {},
      other: ['seed: bad'],
    }))
  it('blames nothing for a failure other than 400', () =>
    expect(fieldErrorsFromApi(new ApiError(500, 'INTERNAL', 'boom')).fields).toEqual({}))
  it('tolerates a 400 without issues', () =>
    expect(fieldErrorsFromApi(new ApiError(400, 'BAD_REQUEST', 'x', null)).fields).toEqual({}))
})

describe('isFieldFailure', () => {
  it('is true when every issue names an input', () =>
    expect(isFieldFailure(badRequest([{ field: 'gapM', message: 'x' }]))).toBe(true))
  it('is false when some issue names no input', () =>
    expect(
      isFieldFailure(
        badRequest([
          { field: 'gapM', message: 'x' },
          { field: 'seed', message: 'y' },
        ]),
      ),
    ).toBe(false))
  it('is false for a server failure', () =>
    expect(isFieldFailure(new ApiError(503, 'DB_UNAVAILABLE', 'down'))).toBe(false))
})
