import { createRoute, z } from '@hono/zod-openapi'
import type { Db } from '../../db/db.ts'
import { AREA_LEVELS } from '../../domain/coverage.ts'
import { jsonContent, router, type Deps } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { AreaId } from '../../lib/validation.ts'
import { getArea, rootAreaId } from '../areas/areas.queries.ts'
import { actorOf } from '../ledger/shared/actor.ts'
import { attachment } from '../ledger/shared/csv.ts'
import { getisOrdGiStar, HOTSPOT_CLASSES } from './getis-ord.ts'
import { MEASURES, toItem } from './items.ts'
import {
  areaBbox,
  areaSums,
  childIdentities,
  scorecardSettings,
  scoredCompound,
  scoredCompounds,
} from './scorecard.queries.ts'
import { snapshotSeries, takeSnapshot } from './snapshots.ts'
import { emptySums, toRow, WEIGHTS, type Weight } from './sums.ts'
import { scorecardXlsx } from './xlsx.ts'

const AreaRef = z.object({ id: z.string(), name: z.string(), level: z.enum(AREA_LEVELS) })
const AreaHead = AreaRef.extend({ code: z.string(), parentId: z.string().nullable() })
const Rates = z.object({
  organisation: z.number().nullable(),
  example: z.number().nullable(),
  station: z.number().nullable(),
  funding: z.number().nullable(),
  mechanisms: z.number().nullable(),
})
const Row = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    level: z.string(),
    code: z.string(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
    compounds: z.number(),
    oldCompounds: z.number(),
    organisationCoverage: z.number().nullable(),
    stationCoverage: z.number().nullable(),
    stationCoverage2: z.number().nullable(),
    indicators: Rates,
    allFive: z.number().nullable(),
    meanPassed: z.number().nullable(),
  })
  .openapi('ScorecardRow')
const Verdict = z.looseObject({ pass: z.boolean(), reason: z.string() })
const Item = z
  .looseObject({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    lng: z.number(),
    lat: z.number(),
    passed: z.number(),
    indicators: z.object({
      organisation: Verdict,
      example: Verdict,
      station: Verdict.extend({ distanceM: z.number().nullable() }),
      funding: Verdict,
      mechanisms: Verdict,
    }),
    measures: z.object({
      uncoveredHouseholds: z.number(),
      elderlyWithoutStation: z.number(),
      failedIndicators: z.number(),
    }),
  })
  .openapi('ScorecardCompound')

const areaQuery = {
  area: AreaId.optional(),
  weight: z.enum(WEIGHTS).default('compounds'),
}

const rollup = createRoute({
  method: 'get',
  path: '/api/scorecard/rollup',
  summary:
    '"四有一化" roll-up of an area (default the city) and its children; rates over old compounds',
  request: { query: z.object(areaQuery) },
  responses: {
    200: jsonContent(
      z.object({
        area: AreaHead,
        path: z.array(AreaRef),
        weight: z.enum(WEIGHTS),
        settings: z.looseObject({
          stationWalkM: z.number(),
          secondRingM: z.number(),
          fundingYuan: z.number(),
        }),
        totals: Row,
        children: z.array(Row),
      }),
      'Totals of the area and one row per child area (a community: per compound)',
    ),
  },
})

const compounds = createRoute({
  method: 'get',
  path: '/api/scorecard/compounds',
  summary: 'The scorecard of every old compound of an area, for heat maps and hexagons',
  request: { query: z.object({ area: AreaId.optional() }) },
  responses: { 200: jsonContent(z.object({ compounds: z.array(Item) }), 'Old compounds by id') },
})

const compound = createRoute({
  method: 'get',
  path: '/api/scorecard/compounds/{id}',
  summary: "One compound's scorecard with its area path",
  request: { params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) },
  responses: {
    200: jsonContent(
      Item.extend({ isOld: z.boolean(), communityId: z.string(), path: z.array(AreaRef) }),
      'The scorecard',
    ),
  },
})

const hotspots = createRoute({
  method: 'get',
  path: '/api/scorecard/hotspots',
  summary: 'Getis-Ord Gi* hot spots of a gap measure over the old compounds of an area',
  request: {
    query: z.object({
      area: AreaId.optional(),
      measure: z.enum(MEASURES).default('failedIndicators'),
      bandM: z.coerce.number().min(50).max(20_000).optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        measure: z.enum(MEASURES),
        bandM: z.number(),
        n: z.number(),
        compounds: z.array(
          z.object({
            id: z.number(),
            lng: z.number(),
            lat: z.number(),
            value: z.number(),
            z: z.number(),
            p: z.number(),
            class: z.enum(HOTSPOT_CLASSES),
          }),
        ),
      }),
      'z-score, two-sided p and class of every compound',
    ),
  },
})

const SnapshotHead = z.object({
  id: z.number(),
  takenAt: z.string(),
  kind: z.enum(['manual', 'monthly']),
})

const takeRoute = createRoute({
  method: 'post',
  path: '/api/scorecard/snapshots',
  summary: 'Take a snapshot of the roll-ups of every area now',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ note: z.string().max(500).optional() }) },
      },
      required: false,
    },
  },
  responses: { 201: jsonContent(SnapshotHead, 'The snapshot taken') },
})

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/scorecard/snapshots',
  summary: "An area's roll-up in every snapshot, oldest first",
  request: { query: z.object(areaQuery) },
  responses: {
    200: jsonContent(
      z.object({
        area: AreaHead,
        weight: z.enum(WEIGHTS),
        series: z.array(SnapshotHead.extend({ note: z.string().nullable(), totals: Row })),
      }),
      'The series',
    ),
  },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/scorecard/export.xlsx',
  summary: 'The roll-up of an area and its children as XLSX with Chinese headers',
  request: { query: z.object(areaQuery) },
  responses: {
    200: {
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string' as const, format: 'binary' },
        },
      },
      description: 'A download named 四有一化-<area>-<date>.xlsx',
    },
  },
})

/** The area asked for (default the city) with its path; 404 when unknown. */
async function resolveArea(db: Db, requested: string | undefined) {
  const id = requested ?? (await rootAreaId(db))
  if (!id) throw new AppError('NOT_FOUND', 'no areas loaded yet')
  const area = await getArea(db, id)
  if (!area) throw new AppError('NOT_FOUND', `area ${id} not found`)
  const head = {
    id: area.id,
    name: area.name,
    level: area.level,
    code: area.id,
    parentId: area.parentId,
  }
  const path = [...area.ancestors, { id: area.id, name: area.name, level: area.level }]
  return { area, head, path }
}

/** The roll-up answer of an area under a weight. */
async function buildRollup(db: Db, requested: string | undefined, weight: Weight) {
  const { area, head, path } = await resolveArea(db, requested)
  const settings = await scorecardSettings(db)
  const [sums, kids] = [await areaSums(db, area, settings.year), await childIdentities(db, area)]
  const { targets } = settings
  const totals = toRow(
    { id: area.id, name: area.name, level: area.level, code: area.id, bbox: area.bbox },
    sums.totals,
    weight,
    targets,
  )
  const children = kids.map((k) =>
    toRow(k, sums.children.get(k.id) ?? emptySums(), weight, targets),
  )
  return {
    area: head,
    path,
    weight,
    settings: {
      stationWalkM: settings.stationWalkM,
      secondRingM: settings.secondRingM,
      fundingYuan: settings.fundingYuan,
      year: settings.year,
      hotspotBandM: settings.hotspotBandM,
    },
    totals,
    children,
  }
}

export const scorecardRoutes = ({ db }: Deps) =>
  router()
    .openapi(rollup, async (c) => {
      const { area, weight } = c.req.valid('query')
      return c.json(await buildRollup(db, area, weight), 200)
    })
    .openapi(compounds, async (c) => {
      const { area } = await resolveArea(db, c.req.valid('query').area)
      const rows = await scoredCompounds(db, area)
      return c.json({ compounds: rows.map(toItem) }, 200)
    })
    .openapi(compound, async (c) => {
      const { id } = c.req.valid('param')
      const row = await scoredCompound(db, id)
      if (!row) throw new AppError('NOT_FOUND', `compound ${id} not found`)
      const { path } = await resolveArea(db, row.communityId)
      return c.json({ ...toItem(row), isOld: row.isOld, communityId: row.communityId, path }, 200)
    })
    .openapi(hotspots, async (c) => {
      const q = c.req.valid('query')
      const { area } = await resolveArea(db, q.area)
      const bandM = q.bandM ?? (await scorecardSettings(db)).hotspotBandM
      const items = (await scoredCompounds(db, area)).map(toItem)
      const points = items.map((i) => ({ lng: i.lng, lat: i.lat, value: i.measures[q.measure] }))
      const gi = getisOrdGiStar(points, bandM)
      return c.json(
        {
          measure: q.measure,
          bandM,
          n: items.length,
          compounds: items.map((i, k) => ({
            id: i.id,
            lng: i.lng,
            lat: i.lat,
            value: points[k]!.value,
            z: Math.round(gi[k]!.z * 1e4) / 1e4,
            p: Number(gi[k]!.p.toPrecision(4)),
            class: gi[k]!.class,
          })),
        },
        200,
      )
    })
    .openapi(takeRoute, async (c) => {
      const body = c.req.valid('json') ?? {}
      const actor = actorOf(c)
      const snap = await takeSnapshot(db, { kind: 'manual', note: body.note, actor })
      if (!snap) throw new Error('manual snapshot not taken')
      return c.json({ id: snap.id, takenAt: snap.takenAt, kind: 'manual' as const }, 201)
    })
    .openapi(seriesRoute, async (c) => {
      const { area: requested, weight } = c.req.valid('query')
      const { area, head } = await resolveArea(db, requested)
      const [{ targets }, bbox] = [await scorecardSettings(db), await areaBbox(db, area.id)]
      const series = (await snapshotSeries(db, area.id)).map((s) => ({
        id: s.id,
        takenAt: s.takenAt,
        kind: s.kind,
        note: s.note,
        totals: toRow(
          { id: area.id, name: area.name, level: area.level, code: area.id, bbox },
          { ...emptySums(), ...s.sums },
          weight,
          targets,
        ),
      }))
      return c.json({ area: head, weight, series }, 200)
    })
    .openapi(exportRoute, async (c) => {
      const { area, weight } = c.req.valid('query')
      const r = await buildRollup(db, area, weight)
      const bytes = await scorecardXlsx([r.totals, ...r.children], weight)
      const date = new Date(Date.now() + 8 * 3600_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '')
      return new Response(bytes, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': attachment(
            `四有一化-${r.area.name}-${date}.xlsx`,
            `scorecard-${r.area.id}-${date}.xlsx`,
          ),
        },
      }) as never
    })
