import { createRoute, z } from '@hono/zod-openapi'
import { sql } from '../../../db/sql.ts'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { actorOf } from '../shared/actor.ts'
import { editHook, fieldError } from './edit-hook.ts'
import { ORG_EDIT, ORG_LABELS, OrgEdit } from './org-edit.ts'
import { editRecord } from './record-edit.ts'
import { STATION_EDIT, STATION_LABELS, StationEdit } from './station-edit.ts'

const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
const Record = z.object({ record: z.looseObject({ id: z.number(), version: z.number() }) })

const org = createRoute({
  method: 'patch',
  path: '/api/orgs/{id}',
  summary: 'Save a party organisation with its version; 409 with the current record when stale',
  request: {
    params: Id,
    body: { content: { 'application/json': { schema: OrgEdit } }, required: true },
  },
  responses: { 200: jsonContent(Record, 'The organisation, version + 1') },
})

const station = createRoute({
  method: 'patch',
  path: '/api/stations/{id}',
  summary: 'Save a party-service station with its version; 409 with the current record when stale',
  request: {
    params: Id,
    body: { content: { 'application/json': { schema: StationEdit } }, required: true },
  },
  responses: { 200: jsonContent(Record, 'The station, version + 1') },
})

const sqlState = (err: unknown) => (err as { code?: unknown } | null)?.code

export const recordEditRoutes = ({ db }: Deps) =>
  router()
    .openapi(
      org,
      async (c) => {
        const { id } = c.req.valid('param')
        const { version, changes } = c.req.valid('json')
        try {
          const record = await editRecord(db, ORG_EDIT, {
            id,
            version,
            values: changes,
            actor: actorOf(c),
          })
          return c.json({ record: record! }, 200)
        } catch (err) {
          // Reactivating a branch whose compounds have another live branch meanwhile.
          if (sqlState(err) === '23505')
            throw new AppError(
              'CONFLICT',
              '状态 (changes.status): 该组织覆盖的小区已有其他在用的党支部',
            )
          throw err
        }
      },
      editHook(ORG_LABELS),
    )
    .openapi(
      station,
      async (c) => {
        const { id } = c.req.valid('param')
        const { version, changes } = c.req.valid('json')
        const { location, ...values } = changes
        const extraSets = location
          ? [
              sql`location = ST_SetSRID(ST_MakePoint(${location[0]}::float8, ${location[1]}::float8), 4326)`,
            ]
          : []
        try {
          const record = await editRecord(db, STATION_EDIT, {
            id,
            version,
            values,
            extraSets,
            actor: actorOf(c),
          })
          return c.json({ record: record! }, 200)
        } catch (err) {
          if (sqlState(err) === '23503')
            throw fieldError(
              'changes.compound_id',
              STATION_LABELS.compound_id!,
              `没有编号为 ${String(changes.compound_id)} 的小区`,
            )
          throw err
        }
      },
      editHook(STATION_LABELS),
    )
