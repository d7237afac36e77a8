import { useT } from '../../i18n/use-t.ts'
import { AUTH_MESSAGES, type AuthMessages } from './messages.ts'

/** The sign-in strings in the page's language. */
export const useAuthMessages = (): AuthMessages => AUTH_MESSAGES[useT().lang]

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
