// The ledger workspace's strings, merged into the app's messages (i18n/messages-zh.ts, -en.ts).

export const ledgerZh = {
  viewLedger: '台账',
}

export const ledgerEn: Record<keyof typeof ledgerZh, string> = {
  viewLedger: 'Ledger',
}
