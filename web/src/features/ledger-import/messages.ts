// The import wizard's strings, merged into the app's messages (i18n/messages-zh.ts, -en.ts).

export const ledgerImportZh = {
  importOpen: '导入台账',
}

export const ledgerImportEn: Record<keyof typeof ledgerImportZh, string> = {
  importOpen: 'Import ledger',
}
