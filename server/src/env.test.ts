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

  it('serves a local PMTiles file on its own origin', () => {
    const env = readEnv({ BASEMAP: 'pmtiles', PMTILES_FILE: 'data/chengdu.pmtiles' })
    expect(env.PMTILES_URL).toBe('/basemap.pmtiles')
    expect(env.PMTILES_FILE).toMatch(/\/data\/chengdu\.pmtiles$/)
  })

  it('refuses a PMTiles basemap with neither a file nor a URL', () => {
    expect(() => readEnv({ BASEMAP: 'pmtiles' })).toThrow('needs PMTILES_FILE or PMTILES_URL')
  })

  it('turns the demo city off with DEMO_CITY=0', () => {
    expect(readEnv({ DEMO_CITY: '0' }).DEMO_CITY).toBe(false)
  })
})
