/** The ledger import wizard: files, coordinate system, column mapping, dry run, commit. */
export function ImportWizard(_props: { onClose: () => void }) {
  return null
}
