// The dashboard's window for browser tests and benches (`window.__yuanluoDashboard`): what the gap
// map last drew, how long the last measure or layer switch took to reach the screen, and the map
// export. It reports; it never changes app state.
import type { Map as MapLibreMap } from 'maplibre-gl'

export interface GapDrawn {
  /** Gap layer on screen: heat, hex, choropleth, passed (a community's compounds) or hotspots. */
  layer: string
  /** Its measure or rate. */
  what: string
  /** Points, cells or areas drawn. */
  count: number
}

export interface DashboardTestHook {
  drawn: GapDrawn | null
  /** From the click to the end of the first frame drawn with the switched layer, in ms. */
  lastSwitchMs: number | null
  /** Every switch measured on this page, in ms. */
  switchMs: number[]
  /** The map as a PNG data URL (what the "export PNG" button saves, without its caption). */
  mapPng(): Promise<string>
  /** Resolves once the camera has stopped and every tile is drawn. */
  whenIdle(): Promise<void>
}

declare global {
  interface Window {
    __yuanluoDashboard?: DashboardTestHook
  }
}

let currentMap: MapLibreMap | null = null

/** The map the dashboard draws on (set by the map's layer hook; null when it goes). */
export function setDashboardMap(map: MapLibreMap | null): void {
  currentMap = map
}

export const dashboardMap = (): MapLibreMap | null => currentMap

/**
 * The map's canvas read inside a render: MapLibre and the interleaved deck layers draw into the
 * same WebGL canvas, so copying it right after a frame captures both (the map also keeps its
 * drawing buffer, see create-map.ts).
 */
export function captureMapCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas()
      const copy = document.createElement('canvas')
      copy.width = src.width
      copy.height = src.height
      copy.getContext('2d')!.drawImage(src, 0, 0)
      resolve(copy)
    })
    map.triggerRepaint()
  })
}

export const dashboardHook: DashboardTestHook = {
  drawn: null,
  lastSwitchMs: null,
  switchMs: [],
  async mapPng() {
    if (!currentMap) throw new Error('no map')
    return (await captureMapCanvas(currentMap)).toDataURL('image/png')
  },
  whenIdle() {
    const map = currentMap
    if (!map) return Promise.reject(new Error('no map'))
    return new Promise((resolve) => {
      map.once('idle', () => resolve())
      map.triggerRepaint()
    })
  },
}

if (typeof window !== 'undefined') window.__yuanluoDashboard = dashboardHook
