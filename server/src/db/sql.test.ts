import { describe, expect, it } from 'vitest'
import { sql } from './sql.ts'

describe('sql tag', () => {
  it('turns every interpolation into a numbered parameter', () => {
    const q = sql`SELECT * FROM t WHERE a = ${1} AND b = ${"x'; DROP TABLE t; --"}`
    expect(q.text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2')
    expect(q.values).toEqual([1, "x'; DROP TABLE t; --"])
  })

  it('inlines nested fragments and numbers their values in reading order', () => {
    const inner = sql`b = ${2} AND c = ${3}`
    const q = sql`SELECT ${0} WHERE a = ${1} AND ${inner} AND d = ${4}`
    expect(q.text).toBe('SELECT $1 WHERE a = $2 AND b = $3 AND c = $4 AND d = $5')
    expect(q.values).toEqual([0, 1, 2, 3, 4])
  })

  it('gives a fragment used twice its own parameters each time', () => {
    const f = sql`x = ${7}`
    const q = sql`${f} OR ${f}`
    expect(q.text).toBe('x = $1 OR x = $2')
    expect(q.values).toEqual([7, 7])
  })

  it('joins values into a parameter list', () => {
    const q = sql`id IN (${sql.join([3, 5, 8])})`
    expect(q.text).toBe('id IN ($1, $2, $3)')
    expect(q.values).toEqual([3, 5, 8])
  })

  it('joins fragments with a chosen separator', () => {
    const q = sql`WHERE ${sql.join([sql`a = ${1}`, sql`b = ${2}`], ' AND ')}`
    expect(q.text).toBe('WHERE a = $1 AND b = $2')
    expect(q.values).toEqual([1, 2])
  })

  it('joins an empty list into nothing', () => {
    const q = sql`SELECT 1${sql.join([])}`
    expect(q.text).toBe('SELECT 1')
    expect(q.values).toEqual([])
  })

  it('adds nothing for sql.empty', () => {
    expect(sql`SELECT ${1}${sql.empty}`.text).toBe('SELECT $1')
  })

  it('quotes a whitelisted identifier', () => {
    expect(sql`ORDER BY ${sql.ident('name', ['name', 'code'])}`.text).toBe('ORDER BY "name"')
  })

  it('refuses an identifier outside the whitelist', () => {
    expect(() => sql.ident('name; DROP TABLE t', ['name'])).toThrow('identifier not allowed')
  })
})
