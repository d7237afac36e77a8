import { describe, expect, it } from 'vitest'
import { INITIAL_SITING_FORM, parseSitingForm, type SitingForm } from './siting-form.ts'

const form = (change: Partial<SitingForm> = {}): SitingForm => ({
  ...INITIAL_SITING_FORM,
  ...change,
})

const request = (f: SitingForm, points: [number, number][] = []) => {
  const parsed = parseSitingForm(f, '510104', points)
  if (!parsed.ok) throw new Error(`not parsed: ${JSON.stringify(parsed.errors)}`)
  return parsed.request
}

describe('parseSitingForm', () => {
  it('sends the DOMAIN.md defaults: max cover of 10 within 300 m, detour 1.3, households', () =>
    expect(request(form())).toEqual({
      area: '510104',
      model: 'max-cover',
      k: 10,
      serviceM: 300,
      detourFactor: 1.3,
      weight: 'households',
      oldOnly: true,
      onlyFailing: false,
      candidates: 'compounds',
      method: 'auto',
    }))
  it('sends a target share instead of k for set covering', () => {
    const r = request(form({ model: 'set-cover', targetPercent: '60' }))
    expect(r.targetShare).toBe(0.6)
    expect(r.k).toBeUndefined()
  })
  it('sends a percentage with one decimal as the exact share', () =>
    expect(request(form({ model: 'set-cover', targetPercent: '33.3' })).targetShare).toBe(0.333))
  it('ignores a target typed for another model', () =>
    expect(parseSitingForm(form({ targetPercent: 'x' }), '510104', []).ok).toBe(true))
  it('refuses a blank k as not a number', () =>
    expect(parseSitingForm(form({ k: ' ' }), '510104', [])).toEqual({
      ok: false,
      errors: { k: { kind: 'notNumber' } },
    }))
  it('leaves ranges to the server: k = 0 is sent as typed', () =>
    expect(request(form({ k: '0' })).k).toBe(0))
  it('sends a capacity only when it is switched on', () => {
    expect(request(form({ capacity: '1500' })).capacityHouseholds).toBeUndefined()
    expect(request(form({ capacityOn: true, capacity: '1500' })).capacityHouseholds).toBe(1500)
  })
  it('blames an unreadable capacity on the capacity input', () =>
    expect(parseSitingForm(form({ capacityOn: true, capacity: 'abc' }), '510104', [])).toEqual({
      ok: false,
      errors: { capacityHouseholds: { kind: 'notNumber' } },
    }))
  it("sends the analyst's points when the candidate source includes them", () =>
    expect(request(form({ candidates: 'both' }), [[104.1, 30.6]]).points).toEqual([[104.1, 30.6]]))
  it('keeps the points back when only compounds are candidates', () =>
    expect(request(form(), [[104.1, 30.6]]).points).toBeUndefined())
})
