// Answers a bad edit with a 400 that names each field by its Chinese label and the schema's
// Chinese message, so the page can show it next to the field.
import { AppError } from '../../../lib/errors.ts'

/** Chinese labels of the fields a form may send, by name. */
export type Labels = Record<string, string>

const describeIssue = (i: { code: string; message: string; keys?: string[] }) =>
  i.code === 'unrecognized_keys' ? `未知字段 ${(i.keys ?? []).join('、')}` : i.message

interface Checked {
  success: boolean
  error?: { issues: readonly { code: string; message: string; path: readonly PropertyKey[] }[] }
}

/** A validation hook whose 400 names fields as "户数 (changes.households): 须为非负整数". */
export const editHook =
  (labels: Labels) =>
  (result: Checked): undefined => {
    if (result.success || !result.error) return undefined
    const issues = result.error.issues.map((i) => {
      const field = i.path.join('.') || '(root)'
      const key = String(i.path[i.path.length - 1] ?? '')
      const label = labels[key] ?? key
      return { field, label, message: describeIssue(i as Parameters<typeof describeIssue>[0]) }
    })
    const summary = issues
      .map((i) =>
        i.label && i.label !== i.field
          ? `${i.label} (${i.field}): ${i.message}`
          : `${i.field}: ${i.message}`,
      )
      .join('; ')
    throw new AppError('BAD_REQUEST', `填写有误: ${summary}`, { issues })
  }

/** A 400 for one field, in the same shape as the hook's. */
export const fieldError = (field: string, label: string, message: string) =>
  new AppError('BAD_REQUEST', `填写有误: ${label} (${field}): ${message}`, {
    issues: [{ field, label, message }],
  })
