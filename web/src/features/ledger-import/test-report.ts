// A dry-run report as the server answers it, for the wizard's unit tests.
import type { ImportReport } from '../../api/ledger-import-types.ts'

export function testReport(over: Partial<ImportReport> = {}): ImportReport {
  return {
    id: 7,
    status: 'dry_run',
    actor: 'anonymous',
    createdAt: '2025-01-01T00:00:00Z',
    committedAt: null,
    files: ['小区.csv'],
    format: 'csv',
    layer: '小区',
    encoding: 'utf-8',
    sourceCrs: 'GCJ02',
    crs: {
      used: 'GCJ02',
      usedName: 'GCJ-02 (高德/腾讯)',
      guess: {
        crs: 'GCJ02',
        basis: 'name-hint',
        confirm: true,
        reason: { zh: '列名含 gcj', en: 'column name says gcj' },
        alternatives: ['WGS84'],
      },
    },
    options: {},
    columns: ['编码', '名称', '户数', '备注', 'lng', 'lat'],
    geometrySource: { kind: 'lonlat', lon: 'lng', lat: 'lat' },
    mapping: { 编码: 'code', 名称: 'name', 户数: 'households', 备注: null },
    suggestedMapping: { 编码: 'code', 名称: 'name', 户数: 'households', 备注: null },
    unmapped: ['备注'],
    counts: {
      total: 4,
      new: 1,
      changed: 1,
      unchanged: 1,
      rejected: 1,
      repaired: 0,
      noBoundary: 0,
    },
    blocking: [],
    rejected: [],
    repaired: [],
    warnings: [],
    fileWarnings: [],
    preview: [],
    commit: null,
    error: null,
    progress: null,
    ...over,
  }
}
