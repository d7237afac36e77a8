// The map view as a PNG: the map canvas (MapLibre and deck draw into the same WebGL canvas) with a
// caption band saying what is drawn (title, description, legend), so the picture stands alone in a
// report.
import { formatDate } from '../../i18n/format.ts'
import { captureMapCanvas, dashboardMap } from './dashboard-hook.ts'
import type { LegendModel } from './gap-legend.ts'

const FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"

/** Lines of `text` no wider than `width` px (CJK breaks anywhere, Latin at spaces when it can). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      const space = line.lastIndexOf(' ')
      if (space > line.length / 2 && ch !== ' ') {
        lines.push(line.slice(0, space))
        line = line.slice(space + 1) + ch
      } else {
        lines.push(line)
        line = ch === ' ' ? '' : ch
      }
    } else line += ch
  }
  if (line) lines.push(line)
  return lines
}

/** The current map with `title` and `legend` drawn in a band below it. */
export async function composeMapPng(
  title: string,
  legend: LegendModel,
): Promise<HTMLCanvasElement> {
  const map = dashboardMap()
  if (!map) throw new Error('the map is not ready')
  const shot = await captureMapCanvas(map)
  const scale = shot.width / map.getCanvas().clientWidth || 1
  const pad = 14 * scale
  const probe = document.createElement('canvas').getContext('2d')!
  probe.font = `${13 * scale}px ${FONT}`
  const descLines = wrap(probe, legend.description, shot.width - 2 * pad)
  const band = pad * 2 + 22 * scale + descLines.length * 18 * scale + 26 * scale
  const out = document.createElement('canvas')
  out.width = shot.width
  out.height = Math.round(shot.height + band)
  const ctx = out.getContext('2d')!
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.drawImage(shot, 0, 0)
  let y = shot.height + pad + 16 * scale
  ctx.fillStyle = '#1f2937'
  ctx.font = `600 ${15 * scale}px ${FONT}`
  ctx.fillText(`${title} · ${legend.title}`, pad, y)
  ctx.font = `${13 * scale}px ${FONT}`
  ctx.fillStyle = '#5b6472'
  for (const line of descLines) {
    y += 18 * scale
    ctx.fillText(line, pad, y)
  }
  y += 22 * scale
  let x = pad
  for (const item of legend.items) {
    ctx.fillStyle = item.color
    ctx.fillRect(x, y - 11 * scale, 14 * scale, 12 * scale)
    x += 18 * scale
    const label = item.count === undefined ? item.label : `${item.label} ${item.count}`
    ctx.fillStyle = '#1f2937'
    ctx.fillText(label, x, y)
    x += ctx.measureText(label).width + (label ? 12 : 2) * scale
  }
  return out
}

/** Saves a canvas as a PNG download. */
export function downloadCanvas(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('PNG encoding failed'))
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = filename
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      resolve()
    }, 'image/png'),
  )
}

/** A file name for today's export of `area`. */
export const exportName = (area: string, ext: string) =>
  `院落-驾驶舱-${area}-${formatDate(new Date().toISOString())}.${ext}`
