import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { describeError } from '../../i18n/format.ts'
import { useT } from '../../i18n/use-t.ts'
import { useStore } from '../../store/index.ts'
import { collectFailures, failureInputs } from './failures.ts'
import { retry } from './retry.ts'
import './status.css'

/** Every current failure, in plain words, each with a retry. Hidden when all is well. */
export function ErrorBanner() {
  const { t, lang } = useT()
  const inputs = useStore(useShallow(failureInputs))
  const failures = useMemo(() => collectFailures(inputs), [inputs])
  if (failures.length === 0) return null
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong className="error-title">{t('errorTitle')}</strong>
      <ul>
        {failures.map((f) => (
          <li key={f.id}>
            <span>
              {t(f.title)}
              {t('colon')}
              {describeError(f.error, lang)}
            </span>
            <button type="button" onClick={() => retry(f.source)}>
              {t('retry')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
