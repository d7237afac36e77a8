// Request shapes of /api/plans. Every field is checked here, so a 400 names the change index and the
// field (`changes.3.branch.compoundIds`); what needs the database (unknown compounds, the plan's area)
// is checked in plans.changes.ts with the same field names.
import { z } from '@hono/zod-openapi'
import { AreaId } from '../../lib/validation.ts'

const MAX_INT = 2_147_483_647

export const PlanId = z.coerce
  .number({ error: 'must be a plan id' })
  .int()
  .positive()
  .max(MAX_INT)
  .openapi({ example: 1 })

export const Version = z.int({ error: 'must be a positive integer' }).min(1).max(MAX_INT)

const Name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200)
const Key = z.string({ error: 'must be text' }).min(1, 'must not be empty').max(100)

const Position = z
  .array(z.number().finite(), { error: 'must be [lng, lat]' })
  .min(2, 'must be [lng, lat]')
  .max(3)
  .refine(([lng, lat]) => Math.abs(lng!) <= 180 && Math.abs(lat!) <= 90, {
    message: 'is outside -180..180 longitude / -90..90 latitude',
  })

const Ring = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions')
  .max(10_000)
  .refine(
    (r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1],
    'a ring must end where it starts',
  )

/** A GeoJSON Polygon (RFC 7946) in WGS84; validity (no self-intersection) is checked by PostGIS. */
export const PolygonJson = z
  .object({
    type: z.literal('Polygon', { error: 'must be a GeoJSON Polygon' }),
    coordinates: z.array(Ring).min(1, 'needs an outer ring').max(100),
  })
  .openapi('GeoJsonPolygon')

export const Branch = z
  .object({
    key: Key,
    name: Name,
    kind: z.enum(['joint', 'standalone'], { error: 'must be joint or standalone' }),
    compoundIds: z
      .array(z.int({ error: 'must be compound ids' }).positive().max(MAX_INT))
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'lists a compound twice'),
    boundary: PolygonJson.nullable().default(null),
    locked: z.boolean().default(false),
    reason: z.string().trim().max(2000).nullable().default(null),
  })
  .openapi('PlanBranch')

export const Station = z
  .object({
    key: Key,
    name: Name,
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
  })
  .openapi('PlanStation')

export const Change = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('upsertBranch'), branch: Branch }),
    z.object({ op: z.literal('deleteBranch'), key: Key }),
    z.object({ op: z.literal('upsertStation'), station: Station }),
    z.object({ op: z.literal('deleteStation'), key: Key }),
    z.object({ op: z.literal('rename'), name: Name }),
  ],
  { error: 'op must be upsertBranch, deleteBranch, upsertStation, deleteStation or rename' },
)

export type BranchIn = z.output<typeof Branch>
export type StationIn = z.output<typeof Station>
export type ChangeIn = z.output<typeof Change>

export const ChangeBatch = z.object({
  version: Version,
  changes: z.array(Change).min(1, 'must hold at least one change').max(5000),
})

export const NewPlan = z.object({
  name: Name,
  areaId: AreaId,
  from: z.enum(['empty', 'candidates']).default('empty'),
  copyOf: PlanId.optional(),
})

export const CopyPlan = z.object({ name: Name })
export const Adopt = z.object({ version: Version })
export const ListQuery = z.object({ area: AreaId.optional() })
export const ArchiveQuery = z.object({ version: z.coerce.number().int().min(1).max(MAX_INT) })
export const ExportQuery = z.object({ format: z.enum(['geojson', 'xlsx']).default('geojson') })
