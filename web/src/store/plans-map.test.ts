import { describe, expect, it } from 'vitest'
import { compoundsInside } from './plans-map.ts'
import { context } from './plans-fixtures.ts'

describe('compoundsInside', () => {
  it('selects the compounds whose inside point the polygon holds', () => {
    const ctx = context()
    // Compounds sit 0.001° apart eastwards from 104.0667; this box holds 2, 3 and 4.
    const box = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [104.0675, 30.657],
          [104.0702, 30.657],
          [104.0702, 30.6578],
          [104.0675, 30.6578],
          [104.0675, 30.657],
        ],
      ],
    }
    expect(compoundsInside(ctx.compounds, box)).toEqual([2, 3, 4])
  })
})
