import { describe, expect, it } from 'vitest'
import { INDICATORS } from '../../api/scorecard-types.ts'
import { MESSAGES } from '../../i18n/messages.ts'
import { reasonText } from './scorecard-reasons.ts'

const settings = { walk: 300, ring: 500, min: 1000 }

// Every reason code of server/src/features/scorecard/README.md.
const REASONS: Record<(typeof INDICATORS)[number], string[]> = {
  organisation: [
    'standalone',
    'joint',
    'temporary',
    'instructor',
    'should_build',
    'few_members',
    'no_members',
  ],
  example: ['vanguard_team', 'in_service_reported', 'no_vanguard_no_in_service'],
  station: ['own_station', 'within_walk', 'second_ring', 'out_of_reach'],
  funding: ['met', 'no_organisation', 'no_funding', 'below_threshold'],
  mechanisms: ['met', 'no_self_governance', 'no_consultations', 'neither'],
}

describe('reasonText', () => {
  it('has words in Chinese and English for every reason the server gives', () => {
    for (const k of INDICATORS)
      for (const reason of REASONS[k]) {
        const zh = reasonText(k, { pass: true, reason }, settings, 'zh-CN')
        expect(zh, `${k}/${reason}`).toMatch(/[\u4e00-\u9fff]/)
        expect(zh).not.toContain(reason)
        expect(reasonText(k, { pass: true, reason }, settings, 'en')).not.toBe(reason)
      }
  })

  it('states the walking limits in force and the distance found', () => {
    const text = reasonText(
      'station',
      { pass: false, reason: 'second_ring', distanceM: 420 },
      { walk: 250, ring: 600, min: 1000 },
      'zh-CN',
    )
    expect(text).toBe('最近的服务站在 250 米以外、600 米以内（最近服务站 420 米）')
  })

  it('shows an unknown reason code as it came rather than hiding it', () => {
    expect(reasonText('funding', { pass: false, reason: 'new_rule' }, settings, 'zh-CN')).toBe(
      'new_rule',
    )
  })

  it('keeps the English messages complete', () => {
    expect(Object.keys(MESSAGES.en).length).toBe(Object.keys(MESSAGES['zh-CN']).length)
  })
})
