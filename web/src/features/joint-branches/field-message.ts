// The Chinese (or English) sentence beside an input the server or the parser refused.
import { interpolate } from '../../i18n/format.ts'
import type { MessageKey } from '../../i18n/messages.ts'
import { FIELD_LIMITS, type FieldError, type FormField } from '../../store/joint-form.ts'

/** What to say beside `field`: "enter a number", or the range the server accepts. */
export function fieldMessage(
  t: (key: MessageKey) => string,
  field: FormField,
  error: FieldError,
): string {
  if (error.kind === 'notNumber') return t('jointFieldNotNumber')
  if (field in FIELD_LIMITS) {
    const limits = FIELD_LIMITS[field as keyof typeof FIELD_LIMITS]
    const key = limits.integer ? 'jointFieldRangeInt' : 'jointFieldRange'
    return interpolate(t(key), { min: limits.min, max: limits.max })
  }
  return t('jointFieldInvalid')
}
