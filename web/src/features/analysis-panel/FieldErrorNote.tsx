import type { MessageKey } from '../../i18n/messages.ts'
import { useT } from '../../i18n/use-t.ts'
import type { FieldError } from '../../store/joint-form.ts'

/**
 * The objection to one input of an analysis form, under it, in the page's language; the server's
 * own wording (English) stays reachable in the tooltip for whoever reports the problem.
 */
export function FieldErrorNote<F extends string>({
  field,
  error,
  describe,
}: {
  field: F
  error: FieldError | undefined
  describe: (t: (key: MessageKey) => string, field: F, error: FieldError) => string
}) {
  const { t } = useT()
  if (!error) return null
  return (
    <p
      className="analysis-field-error"
      role="alert"
      data-field={field}
      title={error.kind === 'invalid' ? error.message : undefined}
    >
      {describe(t, field, error)}
    </p>
  )
}
