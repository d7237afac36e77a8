// The sentence beside a siting input the server or the parser refused, in the page's language.
// Known server sentences get their own words; anything else falls back on the accepted range.
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import type { FieldError } from '../../store/joint-form.ts'
import { SITING_LIMITS, type SitingField } from '../../store/siting-form.ts'

type T = (key: MessageKey) => string

/** Server sentences (any field) with a plain-language reading. */
const KNOWN: { re: RegExp; say: (t: T, m: RegExpExecArray) => string }[] = [
  { re: /required for model/, say: (t) => t('sitingFieldRequired') },
  {
    re: /larger than the number of candidates \((\d+)\)/,
    say: (t, m) => interpolate(t('sitingFieldTooMany'), { n: m[1]! }),
  },
  { re: /needs at least one point/, say: (t) => t('sitingFieldNoPoints') },
  { re: /no demand compounds/, say: (t) => t('sitingFieldNoDemand') },
  { re: /zero total weight/, say: (t) => t('sitingFieldZeroWeight') },
]

/** What to say beside `field`: "enter a number", a known reason, or the range the server accepts. */
export function sitingFieldMessage(t: T, field: SitingField, error: FieldError): string {
  if (error.kind === 'notNumber') return t('jointFieldNotNumber')
  for (const { re, say } of KNOWN) {
    const m = re.exec(error.message)
    if (m) return say(t, m)
  }
  if (field === 'targetShare') return t('sitingFieldTarget')
  if (field in SITING_LIMITS) {
    const limits = SITING_LIMITS[field as keyof typeof SITING_LIMITS]
    const key = limits.integer ? 'jointFieldRangeInt' : 'jointFieldRange'
    return interpolate(t(key), { min: limits.min, max: limits.max })
  }
  return t('jointFieldInvalid')
}
