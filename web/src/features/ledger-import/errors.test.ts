import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { staleRows, wizardError } from './errors.ts'
import { checkFiles, formatSize } from './files.ts'

describe('wizard errors', () => {
  it('shows the import core’s refusal in the page’s language', () => {
    const e = new ApiError(400, 'BAD_REQUEST', '经纬度看起来颠倒了', {
      issue: {
        code: 'COORDS_LOOK_SWAPPED',
        params: {},
        zh: '经纬度看起来颠倒了(例)',
        en: 'swapped',
      },
    })
    expect(wizardError(e, 'impErrorDryRun', 'zh-CN')).toEqual({
      title: '文件被拒绝',
      lines: ['经纬度看起来颠倒了(例)'],
    })
    expect(wizardError(e, 'impErrorDryRun', 'en').lines).toEqual(['swapped'])
  })

  it('names the upload limit of a 413', () => {
    const e = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large', { limitMb: 200 })
    const shown = wizardError(e, 'impErrorDryRun', 'zh-CN')
    expect(shown.title).toBe('预检失败')
    expect(shown.lines[0]).toContain('200 MB')
    expect(shown.lines[0]).toContain('上传上限')
  })

  it('reads the general body limit in bytes, and explains missing rights', () => {
    const big = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large', { limitBytes: 2 * 1024 * 1024 })
    expect(wizardError(big, 'impErrorMapping', 'zh-CN').lines[0]).toContain('2 MB')
    const denied = new ApiError(403, 'FORBIDDEN', '角色 viewer 不能导入')
    expect(wizardError(denied, 'impErrorDryRun', 'zh-CN').lines).toEqual([
      '当前账号没有导入台账的权限，请联系管理员',
      '角色 viewer 不能导入',
    ])
  })

  it('lists the rows of a stale commit and keeps them for the re-run offer', () => {
    const details = {
      stale: [
        { rowNumber: 3, code: 'C-3' },
        { rowNumber: 9, code: 'C-9' },
      ],
    }
    const e = new ApiError(409, 'CONFLICT', '台账在预检之后被修改过', details)
    const shown = wizardError(e, 'impErrorCommit', 'zh-CN')
    expect(shown.title).toBe('提交失败，台账没有任何改动')
    expect(shown.lines.slice(1)).toEqual(['第 3 行（小区编码 C-3）', '第 9 行（小区编码 C-9）'])
    expect(shown.stale).toEqual(details.stale)
    expect(staleRows({ stale: [{ rowNumber: '3' }] })).toEqual([])
  })

  it('names the field of a bad choice, and keeps the server’s own sentence for other conflicts', () => {
    const bad = new ApiError(400, 'BAD_REQUEST', 'crs: 无法识别', {
      issues: [{ field: 'crs', message: '无法识别坐标系' }],
    })
    expect(wizardError(bad, 'impErrorDryRun', 'zh-CN').lines).toEqual(['crs：无法识别坐标系'])
    const done = new ApiError(409, 'CONFLICT', '导入 7 已经提交过,不能重复提交')
    expect(wizardError(done, 'impErrorCommit', 'zh-CN').lines).toEqual([
      '导入 7 已经提交过,不能重复提交',
    ])
  })

  it('explains a network failure in Chinese', () => {
    const e = new ApiError(0, 'network', 'Failed to fetch')
    expect(wizardError(e, 'impErrorDryRun', 'zh-CN').lines[0]).toMatch(/无法连接服务器/)
  })
})

describe('file checks before upload', () => {
  const f = (name: string, size = 100) => ({ name, size })

  it('accepts one dataset: a file, or the loose parts of one shapefile', () => {
    expect(checkFiles([f('a.geojson')], 'zh-CN')).toBeNull()
    expect(
      checkFiles([f('a.shp'), f('a.dbf'), f('a.shx'), f('a.prj'), f('a.cpg')], 'zh-CN'),
    ).toBeNull()
  })

  it('names the files it refuses', () => {
    expect(checkFiles([f('a.kml')], 'zh-CN')?.lines[0]).toContain('a.kml')
    expect(checkFiles([f('a.csv'), f('b.xlsx')], 'zh-CN')?.lines[0]).toContain(
      '一次只能导入一个文件',
    )
    expect(checkFiles([f('a.dbf')], 'zh-CN')?.lines[0]).toContain('没有 .shp')
  })

  it('refuses more bytes than a known limit and says both sizes', () => {
    const refused = checkFiles([f('a.zip', 3 * 1024 * 1024)], 'zh-CN', 2 * 1024 * 1024)
    expect(refused?.lines[0]).toContain('3.0 MB')
    expect(refused?.lines[0]).toContain('2.0 MB')
    expect(checkFiles([f('a.zip', 1024)], 'zh-CN', 2 * 1024 * 1024)).toBeNull()
    expect(formatSize(1536)).toBe('1.5 KB')
  })
})
