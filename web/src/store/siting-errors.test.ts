import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import { inputOf, isSitingFieldFailure, sitingFieldErrorsFromApi } from './siting-errors.ts'

const refused = (message: string, details?: unknown) =>
  new ApiError(400, 'BAD_REQUEST', message, details)

describe('sitingFieldErrorsFromApi', () => {
  it('puts each zod issue beside the input it names', () => {
    const e = refused('invalid json: …', {
      issues: [
        { field: 'k', message: 'Too small: expected number to be >=1' },
        { field: 'detourFactor', message: 'Too big: expected number to be <=3' },
      ],
    })
    expect(sitingFieldErrorsFromApi(e).fields).toEqual({
      k: { kind: 'invalid', message: 'Too small: expected number to be >=1' },
      detourFactor: { kind: 'invalid', message: 'Too big: expected number to be <=3' },
    })
  })
  it('reads the field from a message that starts with "field:"', () =>
    expect(sitingFieldErrorsFromApi(refused('k: required for model max-cover')).fields).toEqual({
      k: { kind: 'invalid', message: 'required for model max-cover' },
    }))
  it('reads the field from the solver\'s "field message" sentences', () =>
    expect(
      sitingFieldErrorsFromApi(refused('k is 5, larger than the number of candidates (1)')).fields,
    ).toEqual({
      k: { kind: 'invalid', message: 'is 5, larger than the number of candidates (1)' },
    }))
  it('blames empty demand on the area', () =>
    expect(
      Object.keys(sitingFieldErrorsFromApi(refused('demand has zero total weight: …')).fields),
    ).toEqual(['area']))
  it('blames a bad point coordinate on the points', () =>
    expect(
      Object.keys(
        sitingFieldErrorsFromApi(refused('x', { issues: [{ field: 'points.3.0', message: 'm' }] }))
          .fields,
      ),
    ).toEqual(['points']))
  it('keeps issues about inputs the panel does not have apart', () =>
    expect(
      sitingFieldErrorsFromApi(refused('x', { issues: [{ field: 'timeLimitS', message: 'big' }] })),
    ).toEqual({ fields: {}, other: ['timeLimitS: big'] }))
  it('blames nothing for a message that names no input', () =>
    expect(sitingFieldErrorsFromApi(refused('invalid json body')).fields).toEqual({}))
  it('blames nothing for a failure other than 400', () =>
    expect(
      sitingFieldErrorsFromApi(new ApiError(404, 'NOT_FOUND', 'area 510199 not found')).fields,
    ).toEqual({}))
})

describe('isSitingFieldFailure', () => {
  it('is true when every issue names an input', () =>
    expect(isSitingFieldFailure(refused('targetShare: required for model set-cover'))).toBe(true))
  it('is false for a server failure', () =>
    expect(isSitingFieldFailure(new ApiError(503, 'DB_UNAVAILABLE', 'down'))).toBe(false))
})

describe('inputOf', () => {
  it('maps a nested path to its top-level input', () =>
    expect(inputOf('candidates[2].capacity')).toBe('candidates'))
  it('knows no input called "invalid"', () => expect(inputOf('invalid')).toBeNull())
})
