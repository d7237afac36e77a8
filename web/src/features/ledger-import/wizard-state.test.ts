import { describe, expect, it } from 'vitest'
import { testReport } from './test-report.ts'
import {
  commitBlocker,
  crsOptionOf,
  crsToSend,
  duplicateFields,
  effectiveMapping,
  formFields,
  initialState,
  layerChoices,
  missingRequired,
  overridesToSend,
  progressShare,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from './wizard-state.ts'

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name)
const apply = (s: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, s)

describe('wizard transitions', () => {
  it('takes the guessed coordinate system into the selector after the first dry run only', () => {
    const report = testReport()
    const s = apply(
      initialState(),
      { type: 'files', files: [file('a.csv')] },
      { type: 'dryRunStart' },
      { type: 'dryRunDone', report },
    )
    expect(s.choices.crs).toBe('GCJ02')
    expect(s.phase).toBe('ready')
    expect(s.dirty).toBe(false)
    const chosen = apply(s, { type: 'choose', change: { crs: 'BD09' } })
    expect(chosen.dirty).toBe(true)
    const again = apply(chosen, { type: 'dryRunStart' }, { type: 'dryRunDone', report })
    // The report says GCJ02 but the user chose BD09: the user's choice is what the selector keeps.
    expect(again.choices.crs).toBe('BD09')
  })

  it('reads a projected report CRS as the EPSG option with its number', () => {
    expect(crsOptionOf('EPSG:4544')).toEqual({ crs: 'EPSG', epsg: '4544' })
    expect(crsOptionOf('WGS84')).toEqual({ crs: 'WGS84', epsg: '' })
    expect(crsOptionOf({ wkt: 'PROJCS["local"]' })).toEqual({ crs: 'auto', epsg: '' })
  })

  it('keeps every choice and the last report when a dry run fails, and blocks the commit', () => {
    const report = testReport()
    const ready = apply(
      initialState(),
      { type: 'files', files: [file('a.csv')] },
      { type: 'dryRunDone', report },
      { type: 'mapColumn', column: '备注', field: 'address' },
      { type: 'choose', change: { crs: 'BD09MC', encoding: 'gbk', community: '510104001001' } },
    )
    const failed = apply(
      ready,
      { type: 'dryRunStart' },
      { type: 'dryRunFailed', error: { title: '预检失败', lines: ['坐标看起来是经纬度'] } },
    )
    expect(failed.choices).toEqual(ready.choices)
    expect(failed.choices.files.map((f) => f.name)).toEqual(['a.csv'])
    expect(failed.report).toBe(report)
    expect(failed.error?.lines).toEqual(['坐标看起来是经纬度'])
    expect(commitBlocker(failed)).toBe('dirty')
  })

  it('a first dry run that fails leaves the wizard idle with its files', () => {
    const s = apply(
      initialState(),
      { type: 'files', files: [file('swapped.geojson')] },
      { type: 'dryRunStart' },
      { type: 'dryRunFailed', error: { title: '文件被拒绝', lines: ['经纬度看起来颠倒了'] } },
    )
    expect(s.phase).toBe('idle')
    expect(s.choices.files).toHaveLength(1)
    expect(commitBlocker(s)).toBe('noReport')
  })

  it('new files reset the file-bound choices but keep the column mapping', () => {
    const s = apply(
      initialState(),
      { type: 'files', files: [file('a.csv')] },
      { type: 'dryRunDone', report: testReport() },
      { type: 'mapColumn', column: '备注', field: 'address' },
      { type: 'choose', change: { encoding: 'big5', layer: { kind: 'sheet', name: '二' } } },
      { type: 'files', files: [file('b.xlsx')] },
    )
    expect(s.choices.crs).toBe('auto')
    expect(s.choices.encoding).toBe('')
    expect(s.choices.layer).toBeNull()
    expect(s.choices.overrides).toEqual({ 备注: 'address' })
    expect(s.report).toBeNull()
  })

  it('applies a saved mapping over the user’s choices and can go back to the suggestion', () => {
    const s = apply(
      initialState(),
      { type: 'dryRunDone', report: testReport() },
      { type: 'mapColumn', column: '户数', field: null },
      { type: 'applySaved', mapping: { 备注: 'grid', 名称: 'name' } },
    )
    expect(s.choices.overrides).toEqual({ 户数: null, 备注: 'grid', 名称: 'name' })
    expect(apply(s, { type: 'resetMapping' }).choices.overrides).toEqual({})
  })

  it('commits only a fresh report without blocking problems and with something to write', () => {
    const ready = apply(initialState(), { type: 'dryRunDone', report: testReport() })
    expect(commitBlocker(ready)).toBeNull()
    const blocked = apply(initialState(), {
      type: 'dryRunDone',
      report: testReport({
        blocking: [{ code: 'FIELD_UNMAPPED_REQUIRED', params: {}, zh: '必填', en: 'required' }],
      }),
    })
    expect(commitBlocker(blocked)).toBe('blocking')
    const nothing = testReport({
      counts: { ...testReport().counts, new: 0, changed: 0 },
    })
    expect(commitBlocker(apply(initialState(), { type: 'dryRunDone', report: nothing }))).toBe(
      'nothing',
    )
  })

  it('tracks a commit: progress only while committing, stale rows stop a second try', () => {
    const ready = apply(initialState(), { type: 'dryRunDone', report: testReport() })
    const started = apply(ready, { type: 'commitStart' })
    expect(started.progress).toEqual({ processed: 0, total: 2 })
    expect(commitBlocker(started)).toBe('running')
    const half = apply(started, {
      type: 'commitProgress',
      progress: { processed: 1, total: 2 },
    })
    expect(progressShare(half.progress)).toBe(0.5)
    const stale = apply(half, {
      type: 'commitFailed',
      error: { title: 'x', lines: [], stale: [{ rowNumber: 3, code: 'C1' }] },
    })
    expect(stale.phase).toBe('ready')
    expect(stale.progress).toBeNull()
    expect(commitBlocker(stale)).toBe('stale')
    // A late progress reading after the commit ended changes nothing.
    expect(apply(stale, { type: 'commitProgress', progress: { processed: 2, total: 2 } })).toBe(
      stale,
    )
    const done = apply(half, {
      type: 'commitDone',
      report: testReport({ status: 'committed', commit: { created: 1, updated: 1 } }),
    })
    expect(done.phase).toBe('committed')
    expect(commitBlocker(done)).toBe('done')
  })
})

describe('mapping', () => {
  const report = testReport({
    suggestedMapping: { 编码: 'code', 名称: 'name', 户数: 'households', 备注: null },
  })

  it('lays the user’s choices over the suggestion for the attribute columns only', () => {
    expect(effectiveMapping(report, { 备注: 'address', lng: 'grid' })).toEqual({
      编码: 'code',
      名称: 'name',
      户数: 'households',
      备注: 'address',
    })
  })

  it('names required fields left without a column and fields given twice', () => {
    const m = effectiveMapping(report, { 编码: null, 备注: 'households' })
    expect(missingRequired(m)).toEqual(['code'])
    expect(duplicateFields(m)).toEqual([{ field: 'households', columns: ['户数', '备注'] }])
  })

  it('sends only the choices that differ from the suggestion', () => {
    expect(overridesToSend(report, { 编码: 'code', 备注: 'address', 户数: null })).toEqual({
      备注: 'address',
      户数: null,
    })
    expect(overridesToSend(null, { 编码: 'code' })).toEqual({ 编码: 'code' })
  })
})

describe('the dry-run form', () => {
  it('sends the chosen CRS, encoding, sheet, community and changed mapping', () => {
    const s = apply(
      initialState(),
      { type: 'dryRunDone', report: testReport() },
      {
        type: 'choose',
        change: {
          crs: 'EPSG',
          epsg: ' 4544 ',
          encoding: 'gbk',
          layer: { kind: 'sheet', name: '二期' },
          community: '510104001001',
        },
      },
      { type: 'mapColumn', column: '备注', field: 'address' },
    )
    expect(formFields(s.choices, s.report)).toEqual([
      ['crs', 'EPSG:4544'],
      ['encoding', 'gbk'],
      ['sheet', '二期'],
      ['community', '510104001001'],
      ['mapping', JSON.stringify({ 备注: 'address' })],
    ])
  })

  it('sends nothing for the automatic choices', () => {
    expect(formFields(initialState().choices, null)).toEqual([])
  })

  it('refuses a typed EPSG code that is not a number', () => {
    const c = { ...initialState().choices, crs: 'EPSG' as const }
    expect(crsToSend({ ...c, epsg: 'gk' })).toEqual({ invalidEpsg: true })
    expect(crsToSend({ ...c, epsg: 'EPSG:4549' })).toEqual({ crs: 'EPSG:4549' })
  })

  it('reads the sheets of a workbook from the report’s MULTIPLE_LAYERS note', () => {
    const note = {
      code: 'MULTIPLE_LAYERS',
      params: { layers: '一期、二期', layer: '一期' },
      zh: '有多个图层',
      en: 'several layers',
    }
    expect(layerChoices(testReport({ format: 'xlsx', fileWarnings: [note] }))).toEqual({
      kind: 'sheet',
      names: ['一期', '二期'],
      current: '一期',
    })
    expect(layerChoices(testReport({ format: 'shapefile', fileWarnings: [note] }))?.kind).toBe(
      'layer',
    )
    expect(layerChoices(testReport())).toBeNull()
  })
})
