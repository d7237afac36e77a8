import { describe, expect, it } from 'vitest'
import { MESSAGES, type MessageKey } from '../../i18n/messages.ts'
import { translateNote } from './notes.ts'

const zh = (key: MessageKey) => MESSAGES['zh-CN'][key]

describe('translateNote', () => {
  it('carries the figures of an unreachable target over', () =>
    expect(
      translateNote(
        'target 90.0% is out of reach: every candidate together covers at most 72.5% of the weight',
        zh,
      ),
    ).toBe('目标 90.0% 无法达到：全部候选点同时建站最多覆盖 72.5%'))
  it('names the time limit the exact solver stopped at', () =>
    expect(translateNote('exact solver stopped at the 10 s time limit', zh)).toContain('10 秒'))
  it('keeps n and k apart when only some new stations help', () =>
    expect(
      translateNote('only 3 of the k = 10 new stations add anything; the rest are left out', zh),
    ).toBe('新增 10 个站中只有 3 个能增加覆盖，其余未列出'))
  it('says why the heuristic was used on a large model', () =>
    expect(
      translateNote(
        'MILP has 912345 non-zeros, above the exact limit of 400000: heuristic used',
        zh,
      ),
    ).toContain('912345'))
  it('shows an unknown note as the server wrote it', () =>
    expect(translateNote('something new', zh)).toBe('something new'))
})
