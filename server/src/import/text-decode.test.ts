import { describe, expect, it } from 'vitest'
import { encodeText } from './test-fixtures.ts'
import { detectEncoding, garbleRatio, isUtf8, normaliseEncoding, splitBom } from './text-decode.ts'

describe('text encodings', () => {
  it('accepts UTF-8 cut inside its last character, as fixed-width DBF fields cut it', () => {
    const name = encodeText('彭州市新区')
    expect(isUtf8(name.subarray(0, 13))).toBe(true)
    expect(isUtf8(Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]))).toBe(false) // 你好 in GBK
  })

  it('normalises .cpg and code-page labels', () => {
    expect(normaliseEncoding('UTF-8')).toBe('utf-8')
    expect(normaliseEncoding('65001')).toBe('utf-8')
    expect(normaliseEncoding('ANSI 936')).toBe('gbk')
    expect(normaliseEncoding('CP936')).toBe('gbk')
    expect(normaliseEncoding('GB2312')).toBe('gbk')
    expect(normaliseEncoding('950')).toBe('big5')
    expect(normaliseEncoding('1252')).toBe('windows-1252')
    expect(normaliseEncoding('12345')).toBeNull()
  })

  it('detects ASCII, UTF-8, GBK and Big5', () => {
    expect(detectEncoding([encodeText('abc')]).source).toBe('ascii')
    expect(detectEncoding([encodeText('锦江区春熙路街道')]).encoding).toBe('utf-8')
    expect(detectEncoding([encodeText('锦江区春熙路街道', 'gbk')]).encoding).toBe('gbk')
    expect(detectEncoding([encodeText('臺南市白河區內角里', 'big5')]).encoding).toBe('big5')
  })

  it('prefers GBK over UTF-8 that is valid only by accident', () => {
    // 水, 山 in GBK are also valid two-byte UTF-8 (ˮ, ɽ): the corrupted-names case.
    expect(
      detectEncoding([Uint8Array.from([0xcb, 0xae]), Uint8Array.from([0xc9, 0xbd])]).encoding,
    ).toBe('gbk')
  })

  it('scores mojibake high and Chinese low', () => {
    expect(garbleRatio('锦江区')).toBe(0)
    expect(garbleRatio('ˮɽ')).toBe(1)
    expect(garbleRatio('フ猠跋')).toBeGreaterThan(0.3)
  })

  it('splits a UTF-8 byte-order mark', () => {
    expect(splitBom(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      bom: 'utf-8',
      body: Uint8Array.from([0x61]),
    })
  })
})
