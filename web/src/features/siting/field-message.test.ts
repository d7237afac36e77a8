import { describe, expect, it } from 'vitest'
import { MESSAGES, type MessageKey } from '../../i18n/messages.ts'
import { sitingFieldMessage } from './field-message.ts'

const zh = (key: MessageKey) => MESSAGES['zh-CN'][key]
const refused = (message: string) => ({ kind: 'invalid' as const, message })

describe('sitingFieldMessage', () => {
  it('asks for a number when none was typed', () =>
    expect(sitingFieldMessage(zh, 'k', { kind: 'notNumber' })).toBe('请输入数字'))
  it('gives the whole-number range of k', () =>
    expect(sitingFieldMessage(zh, 'k', refused('Too big: expected number to be <=1000'))).toBe(
      '取值无效：应为 1–1000 的整数',
    ))
  it('says how many candidates there are when k exceeds them', () =>
    expect(
      sitingFieldMessage(zh, 'k', refused('is 5, larger than the number of candidates (2)')),
    ).toBe('超过候选站址数量（2 个）'))
  it('says a field is required by the model', () =>
    expect(sitingFieldMessage(zh, 'targetShare', refused('required for model set-cover'))).toBe(
      '此模型需要填写此项',
    ))
  it('words the target in percent', () =>
    expect(sitingFieldMessage(zh, 'targetShare', refused('Too big'))).toBe(
      '取值无效：应大于 0%，不超过 100%',
    ))
  it('asks for points on the map when a point source has none', () =>
    expect(
      sitingFieldMessage(zh, 'points', refused("candidates 'both' needs at least one point")),
    ).toBe('请先在地图上添加候选点'))
  it('explains an area without demand', () =>
    expect(
      sitingFieldMessage(
        zh,
        'area',
        refused('no demand compounds in this area with these filters'),
      ),
    ).toBe('该范围内没有符合条件的需求小区'))
})
