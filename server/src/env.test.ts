import { describe, expect, it } from 'vitest'
import { readEnv } from './env.ts'

describe('readEnv', () => {
  it('defaults to the embedded database, port 8080 and the plain basemap', () => {
    const env = readEnv({})
    expect(env.PORT).toBe(8080)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.DATA_DIR).toMatch(/\.data\/pglite$/)
    expect(env.BASEMAP).toBe('plain')
    expect(env.DEMO_CITY).toBe(true)
  })

  it('names each invalid variable', () => {
    expect(() => readEnv({ PORT: '99999', BASEMAP: 'google' })).toThrow(
      /PORT.*BASEMAP|BASEMAP.*PORT/,
    )
  })

  it('refuses a Tianditu basemap without its key', () => {
    expect(() => readEnv({ BASEMAP: 'tianditu' })).toThrow('BASEMAP=tianditu needs TIANDITU_KEY')
  })

  it('turns the demo city off with DEMO_CITY=0', () => {
    expect(readEnv({ DEMO_CITY: '0' }).DEMO_CITY).toBe(false)
  })
})
