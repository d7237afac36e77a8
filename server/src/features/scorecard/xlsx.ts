// The roll-up of an area and its children as one XLSX sheet with Chinese headers.
import writeXlsxFile from 'write-excel-file/node'
import type { Cell } from 'write-excel-file/node'
import type { Row } from './sums.ts'

const LEVEL_ZH: Record<string, string> = {
  city: '市',
  district: '区(市)县',
  street: '街道(镇)',
  community: '社区',
  compound: '小区',
}

type Kind = 'text' | 'count' | 'rate' | 'mean' | 'yuan'

/** Column header and how to read it from a Row, in sheet order. */
export const SCORECARD_COLUMNS: [string, Kind, (r: Row) => string | number | null][] = [
  ['区域编码', 'text', (r) => r.code],
  ['区域名称', 'text', (r) => r.name],
  ['层级', 'text', (r) => LEVEL_ZH[r.level] ?? r.level],
  ['小区数', 'count', (r) => r.compounds],
  ['老旧小区数', 'count', (r) => r.oldCompounds],
  ['户数', 'count', (r) => r.households],
  ['居民数', 'count', (r) => r.residents],
  ['老年人数', 'count', (r) => r.elderly],
  ['已有组织小区数', 'count', (r) => r.organised],
  ['组织覆盖率', 'rate', (r) => r.organisationCoverage],
  ['阵地覆盖率', 'rate', (r) => r.stationCoverage],
  ['阵地覆盖率(第二圈)', 'rate', (r) => r.stationCoverage2],
  ['有党组织引领', 'rate', (r) => r.indicators.organisation],
  ['有党员示范带动', 'rate', (r) => r.indicators.example],
  ['有党群服务阵地', 'rate', (r) => r.indicators.station],
  ['有党建经费', 'rate', (r) => r.indicators.funding],
  ['机制制度化', 'rate', (r) => r.indicators.mechanisms],
  ['五项全达标', 'rate', (r) => r.allFive],
  ['平均达标项数', 'mean', (r) => r.meanPassed],
  ['联合党支部', 'count', (r) => r.jointBranches],
  ['单建党支部', 'count', (r) => r.standaloneBranches],
  ['临时党支部', 'count', (r) => r.temporaryBranches],
  ['指导员', 'count', (r) => r.instructors],
  ['党员先锋队', 'count', (r) => r.vanguardTeams],
  ['党建经费(元)', 'yuan', (r) => r.fundingYuan],
  ['协商议事次数', 'count', (r) => r.consultations],
  ['解决问题数', 'count', (r) => r.problemsSolved],
]

const FORMAT: Record<Kind, string | undefined> = {
  text: undefined,
  count: '0',
  rate: '0.0%',
  mean: '0.00',
  yuan: '#,##0.00',
}

const WEIGHT_ZH = { compounds: '按小区数', households: '按户数', residents: '按居民数' } as const

/** One sheet named after the weight: the headers, the area's row, then its children. */
export async function scorecardXlsx(
  rows: Row[],
  weight: keyof typeof WEIGHT_ZH,
): Promise<Uint8Array<ArrayBuffer>> {
  const cell = (kind: Kind, v: string | number | null): Cell => {
    if (v === null) return null
    if (kind === 'text') return { value: String(v), type: String }
    return { value: Number(v), type: Number, format: FORMAT[kind] }
  }
  const data: Cell[][] = [
    SCORECARD_COLUMNS.map(([h]) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) => SCORECARD_COLUMNS.map(([, kind, get]) => cell(kind, get(r)))),
  ]
  const buffer = await writeXlsxFile(data, {
    sheet: `四有一化(${WEIGHT_ZH[weight]})`,
    stickyRowsCount: 1,
    columns: SCORECARD_COLUMNS.map(([h]) => ({ width: Math.max(10, h.length * 2 + 2) })),
  }).toBuffer()
  return new Uint8Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength,
  ) as Uint8Array<ArrayBuffer>
}
