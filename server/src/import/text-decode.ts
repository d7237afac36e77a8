// Text encodings of Chinese GIS and spreadsheet files. Node's full ICU gives TextDecoder 'gbk'
// (decoded as its superset GB18030), 'big5' and the Windows code pages.

import { issue, type ImportIssue } from './messages.ts'

/** The byte-order mark at the start of a buffer, if any, and the bytes after it. */
export function splitBom(bytes: Uint8Array): {
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null
  body: Uint8Array
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { bom: 'utf-8', body: bytes.subarray(3) }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bom: 'utf-16le', body: bytes.subarray(2) }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { bom: 'utf-16be', body: bytes.subarray(2) }
  return { bom: null, body: bytes }
}

/** True when every byte is 7-bit ASCII. */
export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false
  return true
}

/**
 * True when the bytes are well-formed UTF-8, tolerating one incomplete sequence at the very end:
 * fixed-width DBF fields cut multi-byte characters, and that must not make a UTF-8 file look GBK.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len === 0) return false
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return true // truncated tail
      const c = bytes[i + k]!
      if (c < 0x80 || c > 0xbf) return false
    }
    i += len
  }
  return true
}

const LABELS: Record<string, string> = {
  utf8: 'utf-8',
  '65001': 'utf-8',
  gbk: 'gbk',
  cp936: 'gbk',
  '936': 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  '54936': 'gb18030',
  big5: 'big5',
  cp950: 'big5',
  '950': 'big5',
  big5hkscs: 'big5',
  latin1: 'windows-1252',
  iso88591: 'windows-1252',
  cp1252: 'windows-1252',
  '1252': 'windows-1252',
  ascii: 'utf-8',
  usascii: 'utf-8',
}

/**
 * A WHATWG encoding label for a user, .cpg or code-page string ('UTF-8', '936', 'CP936', 'GB2312',
 * 'ANSI 936', 'Big5'), or null when unknown.
 */
export function normaliseEncoding(label: string): string | null {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/^(ansi|oem|cp|windows|codepage)[\s_-]*(?=\d)/, '')
    .replace(/[\s_-]/g, '')
  const known = LABELS[key]
  if (known) return known
  if (/^\d+$/.test(key)) return null
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return null
  }
}

/** Decodes bytes with a WHATWG label; malformed bytes become U+FFFD. */
export function decode(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes)
}

// Characters that ledger text (Chinese, digits, Latin) hardly ever holds but mis-decoded bytes often
// produce: C1 controls, Latin-1 letters, IPA, Greek, Cyrillic, kana, Hangul, private use, U+FFFD.
const SUSPICIOUS =
  /[\u0080-\u009f\u00c0-\u00ff\u0250-\u02ff\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\uac00-\ud7af\ue000-\uf8ff\uff61-\uff9f\ufffd]/g

/** Share (0–1) of non-ASCII characters in a text that look like mis-decoding. */
export function garbleRatio(text: string): number {
  let nonAscii = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) nonAscii++
  if (nonAscii === 0) return 0
  return (text.match(SUSPICIOUS)?.length ?? 0) / nonAscii
}

/** A few characters around the first suspicious one, to show the user what looks garbled. */
export function suspiciousSample(text: string): string {
  const i = text.search(new RegExp(SUSPICIOUS.source))
  return i < 0 ? text.slice(0, 8) : text.slice(Math.max(0, i - 2), i + 4)
}

/** How an encoding was chosen. */
export type EncodingSource =
  'override' | 'bom' | 'cpg' | 'ldid' | 'ascii' | 'utf-8-valid' | 'fallback'

export interface EncodingChoice {
  encoding: string
  source: EncodingSource
  reasonZh: string
  reasonEn: string
}

/**
 * Guesses the encoding of undeclared text samples: ASCII, else UTF-8 when well-formed, else GBK,
 * unless GBK reads as garbage and Big5 does not (traditional-character files from Taiwan/HK).
 */
export function detectEncoding(samples: Uint8Array[]): EncodingChoice {
  const nonAscii = samples.filter((s) => !isAscii(s))
  if (nonAscii.length === 0)
    return {
      encoding: 'utf-8',
      source: 'ascii',
      reasonZh: '全部是 ASCII 字符',
      reasonEn: 'all text is ASCII',
    }
  const joined = concat(nonAscii)
  if (nonAscii.every(isUtf8)) {
    // Short GBK strings can be valid UTF-8 by accident (CB AE is both 水 and ˮ): prefer GBK only
    // when UTF-8 reads as garbage and GBK does not.
    const utf8 = garbleRatio(decode(joined, 'utf-8'))
    if (utf8 > 0.3 && garbleRatio(decode(joined, 'gbk')) < utf8 / 3)
      return {
        encoding: 'gbk',
        source: 'fallback',
        reasonZh: '未声明编码;文字虽是有效 UTF-8,但按 UTF-8 读是乱码,按 GBK 正常',
        reasonEn:
          'no encoding declared; the text is valid UTF-8 but reads as garbage, and as GBK it does not',
      }
    return {
      encoding: 'utf-8',
      source: 'utf-8-valid',
      reasonZh: '未声明编码,文字是有效的 UTF-8',
      reasonEn: 'no encoding declared; the text is valid UTF-8',
    }
  }
  const gbk = garbleRatio(decode(joined, 'gbk'))
  const big5 = garbleRatio(decode(joined, 'big5'))
  if (gbk > 0.2 && big5 < gbk / 3)
    return {
      encoding: 'big5',
      source: 'fallback',
      reasonZh: '未声明编码,不是 UTF-8;按 GBK 解码是乱码,按 Big5 正常',
      reasonEn: 'no encoding declared, not UTF-8; GBK decoding looked garbled, Big5 did not',
    }
  return {
    encoding: 'gbk',
    source: 'fallback',
    reasonZh: '未声明编码,不是 UTF-8,按 GBK 解码',
    reasonEn: 'no encoding declared and not UTF-8; decoded as GBK',
  }
}

/** Joins byte arrays, with a space between them so that samples do not merge characters. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    out[o + p.length] = 0x20
    o += p.length + 1
  }
  return out
}

/**
 * The encoding a user named, as a choice; an unknown label adds a warning and gives undefined so
 * that detection decides instead.
 */
export function userEncoding(
  override: string | undefined,
  warnings: ImportIssue[],
): EncodingChoice | undefined {
  if (!override) return undefined
  const encoding = normaliseEncoding(override)
  if (encoding)
    return { encoding, source: 'override', reasonZh: '用户指定', reasonEn: 'chosen by the user' }
  warnings.push(issue('ENCODING_UNKNOWN_LABEL', { label: override, source: 'user' }))
  return undefined
}
