import { useMemo } from 'react'
import type { CoverageStatus } from '../api/types.ts'
import { useStore } from '../store/index.ts'
import { MESSAGES, STATUS_NAMES, type Lang, type MessageKey } from './messages.ts'

export interface Translator {
  lang: Lang
  t: (key: MessageKey) => string
  statusName: (status: CoverageStatus) => string
}

/** The current language's strings; re-renders the caller when the language changes. */
export function useT(): Translator {
  const lang = useStore((s) => s.lang)
  return useMemo(
    () => ({
      lang,
      t: (key) => MESSAGES[lang][key],
      statusName: (status) => STATUS_NAMES[lang][status] ?? status,
    }),
    [lang],
  )
}
