import { csvBytes } from '../shared/csv.ts'
import type { LedgerRowIssue } from '../shared/messages.ts'

const HEADER = ['行号', '列', '字段', '原因', '原因(英文)', '代码']

/** The rejected rows of an import as a CSV with Chinese headers, one line per problem. */
export const rejectedCsv = (rejected: LedgerRowIssue[]) =>
  csvBytes(
    HEADER,
    rejected.map((r) => [r.rowNumber, r.column ?? '', r.field ?? '', r.zh, r.en, r.code]),
  )
