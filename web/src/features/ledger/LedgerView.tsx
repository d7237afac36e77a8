/** The ledger workspace's panels over the map. */
export function LedgerView() {
  return null
}
