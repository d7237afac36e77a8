// The part of vt-pbf (no published types) that encode.ts uses.
declare module 'vt-pbf' {
  export interface VtFeature {
    id?: number
    /** 1 point, 2 line, 3 polygon */
    type: 1 | 2 | 3
    /** Points: [[x, y], ...]; lines and polygons: rings of [x, y] (polygon rings closed). */
    geometry: [number, number][] | [number, number][][]
    tags: Record<string, string | number | boolean>
  }
  export function fromGeojsonVt(
    layers: Record<string, { features: VtFeature[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array
  const vtpbf: { fromGeojsonVt: typeof fromGeojsonVt }
  export default vtpbf
}
