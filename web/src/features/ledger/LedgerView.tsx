import { useState } from 'react'
import { useT } from '../../i18n/use-t.ts'
import { ImportWizard } from '../ledger-import/ImportWizard.tsx'

/** The ledger workspace's panels over the map. */
export function LedgerView() {
  // A minimal entry to the import wizard until the ledger table brings its own toolbar.
  const { t } = useT()
  const [importing, setImporting] = useState(false)
  return (
    <div className="left-column">
      <button type="button" className="joint-toggle" onClick={() => setImporting(true)}>
        {t('importOpen')}
      </button>
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
    </div>
  )
}
