// What the page checks of chosen files before sending them: an accepted format, one dataset at a
// time, the upload limit when known. The server checks everything again.
import { interpolate } from '../../i18n/format.ts'
import { MESSAGES, type Lang } from '../../i18n/messages.ts'
import type { WizardError } from './wizard-state.ts'

const SHAPE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg']
const SINGLE = ['zip', 'geojson', 'json', 'csv', 'xlsx']

/** The `accept` attribute of the file picker. */
export const ACCEPT = [...SHAPE_PARTS, ...SINGLE].map((e) => `.${e}`).join(',')

const ext = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''

/** A byte count as KB / MB with one decimal (1 MB = 1024 × 1024 bytes, as UPLOAD_LIMIT_MB counts). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export const totalSize = (files: readonly { size: number }[]) =>
  files.reduce((n, f) => n + f.size, 0)

/**
 * Why these files cannot be sent, or null when they can: an unknown extension, two datasets at
 * once, shapefile parts without their .shp, or more bytes than `limitBytes` (when the page knows it).
 */
export function checkFiles(
  files: readonly { name: string; size: number }[],
  lang: Lang,
  limitBytes: number | null = null,
): WizardError | null {
  const m = MESSAGES[lang]
  const refuse = (line: string): WizardError => ({ title: m.impFilesRefused, lines: [line] })
  const names = (fs: readonly { name: string }[]) => fs.map((f) => f.name).join('、')
  const unknown = files.filter(
    (f) => !SHAPE_PARTS.includes(ext(f.name)) && !SINGLE.includes(ext(f.name)),
  )
  if (unknown.length > 0) return refuse(interpolate(m.impBadExtension, { files: names(unknown) }))
  const singles = files.filter((f) => SINGLE.includes(ext(f.name)))
  const parts = files.filter((f) => SHAPE_PARTS.includes(ext(f.name)))
  if (singles.length > 1 || (singles.length === 1 && parts.length > 0))
    return refuse(interpolate(m.impMixed, { files: names(files) }))
  if (parts.length > 0 && !parts.some((f) => ext(f.name) === 'shp'))
    return refuse(interpolate(m.impNoShp, { files: names(parts) }))
  const size = totalSize(files)
  if (limitBytes !== null && size > limitBytes)
    return refuse(
      interpolate(m.impTooLarge, { size: formatSize(size), limit: formatSize(limitBytes) }),
    )
  return null
}
