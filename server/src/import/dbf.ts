// dBase III/IV tables as shapefiles use them. Text stays as raw bytes here because the encoding is
// chosen afterwards, from the user, the .cpg, the language driver byte or the bytes themselves.

export interface DbfField {
  nameBytes: Uint8Array
  type: string
  length: number
  decimals: number
  /** Byte offset inside a record (the deletion flag is byte 0). */
  offset: number
}

export interface DbfRecord {
  deleted: boolean
  raw: Uint8Array
}

export interface DbfFile {
  /** Language driver id (byte 29): the code page the writer declared, 0 when none. */
  ldid: number
  fields: DbfField[]
  records: DbfRecord[]
}

/** Parses a .dbf buffer into fields and raw records; throws Error with a plain reason if corrupt. */
export function parseDbf(bytes: Uint8Array): DbfFile {
  if (bytes.length < 32) throw new Error('.dbf shorter than its 32-byte header')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const declared = view.getUint32(4, true)
  const headerLength = view.getUint16(8, true)
  const recordLength = view.getUint16(10, true)
  const ldid = bytes[29]!
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1)
    throw new Error(
      `.dbf header is inconsistent (header ${headerLength} B, record ${recordLength} B)`,
    )
  const fields: DbfField[] = []
  let offset = 1
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    const nameRaw = bytes.subarray(p, p + 11)
    const end = nameRaw.indexOf(0)
    fields.push({
      nameBytes: nameRaw.subarray(0, end < 0 ? 11 : end),
      type: String.fromCharCode(bytes[p + 11]!).toUpperCase(),
      length: bytes[p + 16]!,
      decimals: bytes[p + 17]!,
      offset,
    })
    offset += bytes[p + 16]!
  }
  if (offset > recordLength) throw new Error('.dbf fields are longer than its records')
  // Writers get the count wrong now and then; the bytes present are what counts.
  const available = Math.floor((bytes.length - headerLength) / recordLength)
  const count = Math.min(declared, available)
  const records: DbfRecord[] = []
  for (let i = 0; i < count; i++) {
    const start = headerLength + i * recordLength
    if (bytes[start] === 0x1a) break
    records.push({
      deleted: bytes[start] === 0x2a,
      raw: bytes.subarray(start, start + recordLength),
    })
  }
  return { ldid, fields, records }
}

/** The raw bytes of one field in a record, without padding (spaces and NULs). */
export function fieldBytes(record: DbfRecord, field: DbfField): Uint8Array {
  const raw = record.raw.subarray(field.offset, field.offset + field.length)
  let s = 0
  let e = raw.length
  while (e > s && (raw[e - 1] === 0x20 || raw[e - 1] === 0)) e--
  while (s < e && (raw[s] === 0x20 || raw[s] === 0)) s++
  return raw.subarray(s, e)
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b)

/** The value of a non-text field: numbers, booleans, ISO dates; null when blank or unreadable. */
export function nonTextValue(record: DbfRecord, field: DbfField): number | boolean | string | null {
  const b = fieldBytes(record, field)
  switch (field.type) {
    case 'N':
    case 'F': {
      const s = ascii(b).replace(',', '.')
      if (s === '' || /^\*+$/.test(s)) return null
      const n = Number(s)
      return Number.isFinite(n) ? n : null
    }
    case 'L': {
      const c = ascii(b).toUpperCase()
      return 'TY'.includes(c) && c !== '' ? true : 'FN'.includes(c) && c !== '' ? false : null
    }
    case 'D': {
      const s = ascii(b)
      return /^\d{8}$/.test(s) && s !== '00000000'
        ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`
        : null
    }
    case 'I': {
      const raw = record.raw.subarray(field.offset, field.offset + 4)
      return raw.length === 4 ? new DataView(raw.buffer, raw.byteOffset, 4).getInt32(0, true) : null
    }
    case 'O': {
      const raw = record.raw.subarray(field.offset, field.offset + 8)
      return raw.length === 8
        ? new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, true)
        : null
    }
    default:
      return null // memo, binary, timestamp: not ledger data
  }
}

/** True for fields whose content is text in the table's encoding. */
export const isTextField = (field: DbfField) => field.type === 'C' || field.type === 'V'

// Language driver ids (ESRI and dBase) to WHATWG labels. 0x57 is "ANSI": the writer's system code
// page, unknown here, so its bytes are sniffed like an undeclared file.
const LDID: Record<number, string> = {
  0x01: 'windows-1252', // cp437: no WHATWG decoder; the ASCII half agrees
  0x02: 'windows-1252', // cp850, likewise
  0x03: 'windows-1252',
  0x4c: 'shift_jis',
  0x4d: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x58: 'windows-1252',
  0x59: 'windows-1252',
  0x65: 'ibm866',
  0x78: 'big5',
  0x79: 'euc-kr',
  0x7a: 'gbk',
  0x7b: 'shift_jis',
  0x7c: 'windows-874',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0xca: 'windows-1254',
  0xcb: 'windows-1253',
  0xcc: 'windows-1257',
}

/** The encoding a language driver byte declares, or null for 0 (none) and 0x57 (system ANSI). */
export const ldidEncoding = (ldid: number): string | null => LDID[ldid] ?? null
