// Every message the import pipeline can say, in Chinese (what the page shows) and English (logs,
// API clients), keyed by a stable code so the page can also render its own text from the params.

export type IssueParams = Record<string, string | number>

type Template = (p: IssueParams) => string
const T = (zh: Template, en: Template) => ({ zh, en })

const row = (p: IssueParams) => (p.column ? `第${p.row}行 ${p.column}: ` : `第${p.row}行: `)
const rowEn = (p: IssueParams) => (p.column ? `row ${p.row} ${p.column}: ` : `row ${p.row}: `)

const MESSAGES = {
  // Files and formats
  FILE_EMPTY: T(
    (p) => `文件 ${p.file} 是空的`,
    (p) => `file ${p.file} is empty`,
  ),
  FORMAT_UNKNOWN: T(
    (p) =>
      `无法识别文件 ${p.file} 的格式: 支持 GeoJSON、Shapefile(zip 或 .shp/.dbf 一组)、CSV、XLSX`,
    (p) =>
      `cannot tell the format of ${p.file}: GeoJSON, Shapefile (zip or .shp/.dbf set), CSV and XLSX are supported`,
  ),
  ZIP_INVALID: T(
    (p) => `压缩包 ${p.file} 无法解压: ${p.detail}`,
    (p) => `zip ${p.file} cannot be opened: ${p.detail}`,
  ),
  ZIP_NO_LAYER: T(
    (p) => `压缩包 ${p.file} 里没有可导入的图层(.shp、.geojson、.csv、.xlsx)`,
    (p) => `zip ${p.file} holds no importable layer (.shp, .geojson, .csv, .xlsx)`,
  ),
  LAYER_NOT_FOUND: T(
    (p) => `找不到图层 ${p.layer}; 可选: ${p.layers}`,
    (p) => `layer ${p.layer} not found; available: ${p.layers}`,
  ),
  MULTIPLE_LAYERS: T(
    (p) => `有多个图层 (${p.layers}),已读取 ${p.layer}`,
    (p) => `several layers (${p.layers}); read ${p.layer}`,
  ),
  SHP_PART_MISSING: T(
    (p) => `Shapefile ${p.layer} 缺少 ${p.part} 文件`,
    (p) => `shapefile ${p.layer} is missing its ${p.part} file`,
  ),
  SHP_CORRUPT: T(
    (p) => `Shapefile ${p.layer} 已损坏: ${p.detail}`,
    (p) => `shapefile ${p.layer} is corrupt: ${p.detail}`,
  ),
  SHP_DBF_COUNT_MISMATCH: T(
    (p) => `.shp 有 ${p.shapes} 个图形, .dbf 有 ${p.records} 条记录; 按较少的 ${p.used} 条读取`,
    (p) => `.shp has ${p.shapes} shapes and .dbf ${p.records} records; read the first ${p.used}`,
  ),
  SHP_UNSUPPORTED_SHAPE: T(
    (p) => `第${p.row}行: 不支持的图形类型 ${p.shapeType},按空图形处理`,
    (p) => `row ${p.row}: unsupported shape type ${p.shapeType}, read as empty`,
  ),
  DBF_DELETED_SKIPPED: T(
    (p) => `跳过了 ${p.count} 条已删除的 .dbf 记录`,
    (p) => `skipped ${p.count} deleted .dbf records`,
  ),
  GEOJSON_INVALID: T(
    (p) => `GeoJSON 无法解析: ${p.detail}`,
    (p) => `GeoJSON cannot be parsed: ${p.detail}`,
  ),
  XLSX_INVALID: T(
    (p) => `Excel 文件无法读取: ${p.detail}`,
    (p) => `the Excel file cannot be read: ${p.detail}`,
  ),
  SHEET_NOT_FOUND: T(
    (p) => `找不到工作表 ${p.sheet}; 可选: ${p.sheets}`,
    (p) => `sheet ${p.sheet} not found; available: ${p.sheets}`,
  ),
  TABLE_EMPTY: T(
    () => `表格没有表头或数据行`,
    () => `the table has no header or data rows`,
  ),
  HEADER_ROW_DETECTED: T(
    (p) => `表头在第${p.row}行,上面的行已忽略`,
    (p) => `the header is row ${p.row}; rows above it were ignored`,
  ),
  COLUMN_RENAMED: T(
    (p) => `列名 ${p.from} 重复或为空,改名为 ${p.to}`,
    (p) => `column name ${p.from} is duplicated or empty; renamed ${p.to}`,
  ),
  GEOMETRY_COLUMNS: T(
    (p) => `坐标取自列 ${p.columns}`,
    (p) => `coordinates are read from column(s) ${p.columns}`,
  ),
  // Text encodings
  ENCODING_CHOSEN: T(
    (p) => `文字编码 ${p.encoding}: ${p.reasonZh}`,
    (p) => `text encoding ${p.encoding}: ${p.reasonEn}`,
  ),
  ENCODING_UNKNOWN_LABEL: T(
    (p) => `不认识的编码名 ${p.label} (${p.source}),已忽略`,
    (p) => `unknown encoding label ${p.label} (${p.source}), ignored`,
  ),
  ENCODING_GARBLED: T(
    (p) =>
      `${p.count} 个文字值含无法解码或被截断的字符(例: 第${p.row}行 ${p.column} = '${p.sample}'); 请核对编码或原始数据`,
    (p) =>
      `${p.count} text values hold undecodable or truncated characters (e.g. row ${p.row} ${p.column} = '${p.sample}'); check the encoding or the source`,
  ),
  ENCODING_SUSPECT: T(
    (p) => `按 ${p.encoding} 解码后文字看起来是乱码(例: '${p.sample}'); 如有误请手动选择编码`,
    (p) =>
      `text decoded as ${p.encoding} looks garbled (e.g. '${p.sample}'); choose the encoding if this is wrong`,
  ),
  // Coordinate systems
  CRS_UNKNOWN: T(
    (p) => `无法识别坐标系 ${p.crs}`,
    (p) => `unknown coordinate system ${p.crs}`,
  ),
  CRS_UNSUPPORTED_DATUM: T(
    (p) =>
      `坐标系 ${p.crs} 基于 ${p.datum},需要七参数才能转到 WGS84,本平台不做; 请先在 GIS 软件中转成 CGCS2000 或 WGS84`,
    (p) =>
      `coordinate system ${p.crs} is on the ${p.datum} datum, which needs a 7-parameter transformation this platform does not do; convert to CGCS2000 or WGS84 in a GIS first`,
  ),
  COORDS_LOOK_PROJECTED: T(
    (p) =>
      `所选坐标系 ${p.crs} 是经纬度(度),但坐标看起来是米(例: ${p.sample}); 这是投影坐标,请改选 ${p.suggestion}`,
    (p) =>
      `the chosen coordinate system ${p.crs} is in degrees but the coordinates look like metres (e.g. ${p.sample}); they are projected: choose ${p.suggestion}`,
  ),
  COORDS_LOOK_DEGREES: T(
    (p) =>
      `所选坐标系 ${p.crs} 以米为单位,但坐标看起来是经纬度(例: ${p.sample}); 请改选 ${p.suggestion}`,
    (p) =>
      `the chosen coordinate system ${p.crs} is in metres but the coordinates look like degrees (e.g. ${p.sample}); choose ${p.suggestion}`,
  ),
  COORDS_LOOK_SWAPPED: T(
    (p) =>
      `经纬度看起来颠倒了(例: ${p.sample} 的经度像纬度、纬度像经度); 请交换经度和纬度列后再导入`,
    (p) =>
      `longitude and latitude look swapped (e.g. ${p.sample}: the longitude looks like a latitude and vice versa); swap the columns and import again`,
  ),
  GK_ZONE_PREFIX: T(
    (p) =>
      `X 坐标${p.hasPrefix ? '带' : '不带'}带号(例: ${p.sample}),与所选 ${p.crs} 不符; 请改选 ${p.suggestion}`,
    (p) =>
      `the X coordinates ${p.hasPrefix ? 'carry' : 'lack'} a zone prefix (e.g. ${p.sample}), unlike the chosen ${p.crs}; choose ${p.suggestion}`,
  ),
  OUTSIDE_CHINA: T(
    (p) =>
      `转换后有 ${p.outside}/${p.total} 个图形落在中国范围(经度73–136,纬度3–54)之外(范围: ${p.bbox}); 坐标系可能选错了`,
    (p) =>
      `after conversion ${p.outside} of ${p.total} geometries fall outside China (lng 73–136, lat 3–54; extent ${p.bbox}); the coordinate system is probably wrong`,
  ),
  PROJECTION_FAILED: T(
    (p) => `坐标转换失败 (${p.crs}): ${p.detail}`,
    (p) => `coordinate conversion failed (${p.crs}): ${p.detail}`,
  ),
  // Row-level rejections
  ROW_OUTSIDE_CHINA: T(
    (p) => `${row(p)}坐标 ${p.sample} 在中国范围之外`,
    (p) => `${rowEn(p)}coordinates ${p.sample} are outside China`,
  ),
  ROW_COORDS_SWAPPED: T(
    (p) => `${row(p)}经纬度看起来颠倒了 (${p.sample})`,
    (p) => `${rowEn(p)}longitude and latitude look swapped (${p.sample})`,
  ),
  VALUE_REQUIRED: T(
    (p) => `${row(p)}必填,不能为空`,
    (p) => `${rowEn(p)}is required`,
  ),
  FIELD_UNMAPPED_REQUIRED: T(
    (p) => `必填字段 ${p.label} 没有对应的列; 请在映射中指定`,
    (p) => `required field ${p.field} has no column; map one`,
  ),
  NOT_NON_NEGATIVE_INTEGER: T(
    (p) => `${row(p)}不是非负整数 '${p.value}'`,
    (p) => `${rowEn(p)}not a non-negative integer '${p.value}'`,
  ),
  NOT_NON_NEGATIVE_NUMBER: T(
    (p) => `${row(p)}不是非负数 '${p.value}'`,
    (p) => `${rowEn(p)}not a non-negative number '${p.value}'`,
  ),
  NOT_A_YEAR: T(
    (p) => `${row(p)}不是年份 '${p.value}'`,
    (p) => `${rowEn(p)}not a year '${p.value}'`,
  ),
  NOT_A_SHARE: T(
    (p) => `${row(p)}不是 0–1 之间的比例或百分比 '${p.value}'`,
    (p) => `${rowEn(p)}not a share between 0 and 1 or a percentage '${p.value}'`,
  ),
  NOT_A_BOOLEAN: T(
    (p) => `${row(p)}应为 是/否 '${p.value}'`,
    (p) => `${rowEn(p)}should be yes/no (是/否) '${p.value}'`,
  ),
  UNKNOWN_VALUE: T(
    (p) => `${row(p)}无法识别的取值 '${p.value}',可选: ${p.allowed}`,
    (p) => `${rowEn(p)}unknown value '${p.value}'; allowed: ${p.allowed}`,
  ),
  OUT_OF_RANGE: T(
    (p) => `${row(p)}取值 '${p.value}' 超出范围: ${p.detail}`,
    (p) => `${rowEn(p)}value '${p.value}' out of range: ${p.detail}`,
  ),
  DUPLICATE_CODE: T(
    (p) => `${row(p)}编码 '${p.value}' 与第${p.firstRow}行重复`,
    (p) => `${rowEn(p)}code '${p.value}' repeats row ${p.firstRow}`,
  ),
  GEOMETRY_EMPTY: T(
    (p) => `${row(p)}没有图形(空几何)`,
    (p) => `${rowEn(p)}has no geometry (empty)`,
  ),
  GEOMETRY_NOT_POLYGON: T(
    (p) => `${row(p)}图形是 ${p.type},小区边界须为面(Polygon)或点`,
    (p) => `${rowEn(p)}geometry is a ${p.type}; a compound needs a polygon or a point`,
  ),
  GEOMETRY_DEGENERATE: T(
    (p) => `${row(p)}面的环少于 3 个不同的点`,
    (p) => `${rowEn(p)}a polygon ring has fewer than 3 distinct points`,
  ),
  GEOMETRY_BAD_COORDINATES: T(
    (p) => `${row(p)}坐标不是有效数字 (${p.sample})`,
    (p) => `${rowEn(p)}coordinates are not valid numbers (${p.sample})`,
  ),
  GEOMETRY_PARSE_FAILED: T(
    (p) => `${row(p)}无法解析图形 '${p.value}': ${p.detail}`,
    (p) => `${rowEn(p)}cannot parse the geometry '${p.value}': ${p.detail}`,
  ),
  // Repairs and row warnings
  YEAR_FROM_DECADE: T(
    (p) => `${row(p)}'${p.value}' 是年代,按 ${p.year} 年记录`,
    (p) => `${rowEn(p)}'${p.value}' is a decade; recorded as ${p.year}`,
  ),
  SHARE_FROM_PERCENT: T(
    (p) => `${row(p)}'${p.value}' 大于 1,按百分数记为 ${p.share}`,
    (p) => `${rowEn(p)}'${p.value}' is above 1; read as a percentage, ${p.share}`,
  ),
  RING_CLOSED: T(
    (p) => `${row(p)}面的环没有闭合,已补上首点`,
    (p) => `${rowEn(p)}a polygon ring was not closed; its first point was appended`,
  ),
  GEOMETRY_SELF_INTERSECTS: T(
    (p) => `${row(p)}面自相交(约在 ${p.sample}),入库时将用 ST_MakeValid 修复`,
    (p) =>
      `${rowEn(p)}the polygon intersects itself (near ${p.sample}); the database step repairs it with ST_MakeValid`,
  ),
} as const

export type IssueCode = keyof typeof MESSAGES

/** A message with a stable code, its parameters, and its Chinese and English text. */
export interface ImportIssue {
  code: IssueCode
  params: IssueParams
  zh: string
  en: string
}

/** Builds an issue from its code and parameters. */
export function issue(code: IssueCode, params: IssueParams = {}): ImportIssue {
  const m = MESSAGES[code]
  return { code, params, zh: m.zh(params), en: m.en(params) }
}

/** A fatal problem reading or converting an import: the page shows `issue.zh`. */
export class ImportError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.en)
    this.name = 'ImportError'
  }
}

/** Throws an ImportError for a code and parameters. */
export function fail(code: IssueCode, params: IssueParams = {}): never {
  throw new ImportError(issue(code, params))
}
