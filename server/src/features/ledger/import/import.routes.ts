import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { ImportError } from '../../../import/index.ts'
import { jsonContent, router, type Deps } from '../../../lib/context.ts'
import { AppError } from '../../../lib/errors.ts'
import { actorOf } from '../shared/actor.ts'
import { findCommunities } from '../shared/community.queries.ts'
import { attachment } from '../shared/csv.ts'
import { getMapping } from './mapping.queries.ts'
import { commitImport } from './commit.ts'
import { dryRun } from './dry-run.ts'
import { getImport } from './import.queries.ts'
import { commitProgress } from './progress.ts'
import { rejectedCsv } from './rejected-csv.ts'
import { formChoices, formFiles } from './upload.ts'

/** Upload limit when UPLOAD_LIMIT_MB is not set, in MB. */
export const DEFAULT_UPLOAD_LIMIT_MB = 200

const Upload = z
  .looseObject({
    files: z.any().openapi({
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description:
        'One file (.geojson/.json, .csv, .xlsx, .zip) or the loose parts of a shapefile (.shp .shx .dbf .prj .cpg); any field name holding files is read',
    }),
    crs: z.string().optional().openapi({
      description: "WGS84 | CGCS2000 | GCJ02 | BD09 | BD09MC | EPSG:n; default: the file's guess",
    }),
    encoding: z
      .string()
      .optional()
      .openapi({ description: 'DBF/CSV text encoding: utf-8, gbk, big5 …' }),
    sheet: z.string().optional().openapi({ description: 'XLSX sheet name or 1-based number' }),
    layer: z
      .string()
      .optional()
      .openapi({ description: 'Layer (file name without extension) in a zip' }),
    mapping: z
      .string()
      .optional()
      .openapi({ description: 'JSON {"column": "ledger field" | null} over the suggestion' }),
    mappingName: z
      .string()
      .optional()
      .openapi({ description: 'A saved mapping applied before `mapping`' }),
    community: z.string().optional().openapi({
      description: 'Community (name or 12-digit code) for new compounds whose row names none',
    }),
  })
  .openapi('LedgerImportUpload')

const Report = z
  .looseObject({
    id: z.number(),
    status: z.enum(['dry_run', 'committing', 'committed', 'failed']),
    counts: z
      .object({
        total: z.number(),
        new: z.number(),
        changed: z.number(),
        unchanged: z.number(),
        rejected: z.number(),
        repaired: z.number(),
        noBoundary: z.number(),
      })
      .optional(),
    progress: z.object({ processed: z.number(), total: z.number() }).nullable(),
  })
  .openapi('LedgerImport')

const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

const create = (limitBytes: number, limitMb: number) =>
  createRoute({
    method: 'post',
    path: '/api/ledger/imports',
    summary: 'Upload ledger files and run a dry run: counts, rejected rows, CRS guess, mapping',
    middleware: [
      bodyLimit({
        maxSize: limitBytes,
        onError: (c) => {
          const e = new AppError(
            'PAYLOAD_TOO_LARGE',
            `上传文件超过 ${limitMb} MB 的上限; 请分批导入,或请管理员调高 UPLOAD_LIMIT_MB (upload larger than ${limitMb} MB)`,
            { limitMb },
          )
          return c.json(e.toBody(), 413)
        },
      }),
    ] as const,
    request: { body: { content: { 'multipart/form-data': { schema: Upload } }, required: true } },
    responses: {
      201: jsonContent(
        Report,
        'The stored dry run (GET /api/ledger/imports/{id} answers the same)',
      ),
    },
  })

const one = createRoute({
  method: 'get',
  path: '/api/ledger/imports/{id}',
  summary: 'A stored dry run or committed import; while committing, its progress',
  request: { params: Id },
  responses: { 200: jsonContent(Report, 'The import report') },
})

const rejected = createRoute({
  method: 'get',
  path: '/api/ledger/imports/{id}/rejected.csv',
  summary: 'The rejected rows of an import (UTF-8 BOM CSV, Chinese headers)',
  request: { params: Id },
  responses: {
    200: {
      content: { 'text/csv': { schema: z.string() } },
      description: '行号, 列, 字段, 原因, 原因(英文), 代码',
    },
  },
})

const commit = createRoute({
  method: 'post',
  path: '/api/ledger/imports/{id}/commit',
  summary: 'Apply a dry run all-or-nothing; 409 when committed, blocked, failed or stale',
  request: { params: Id },
  responses: { 200: jsonContent(Report, 'The import, now committed, with commit counts') },
})

export const ledgerImportRoutes = ({ db, env }: Deps) => {
  const limitMb = env.UPLOAD_LIMIT_MB ?? DEFAULT_UPLOAD_LIMIT_MB
  return router()
    .openapi(create(Math.floor(limitMb * 1024 * 1024), limitMb), async (c) => {
      const form = c.req.valid('form') as Record<string, unknown>
      const files = await formFiles(form)
      const choices = formChoices(form)
      const mappings = []
      if (choices.mappingName) {
        const saved = await getMapping(db, choices.mappingName)
        if (!saved)
          throw new AppError('BAD_REQUEST', `mappingName: 没有名为 '${choices.mappingName}' 的映射`)
        mappings.push(saved.mapping)
      }
      if (choices.mapping) mappings.push(choices.mapping)
      let defaultCommunity: string | null = null
      if (choices.community) {
        const ids = await findCommunities(db, choices.community)
        if (ids.length !== 1)
          throw new AppError(
            'BAD_REQUEST',
            ids.length === 0
              ? `community: 找不到社区 '${choices.community}'`
              : `community: 社区名 '${choices.community}' 对应 ${ids.length} 个社区,请改填 12 位社区编码`,
          )
        defaultCommunity = ids[0]!
      }
      let id: number
      try {
        id = await dryRun(db, {
          files,
          read: choices.read,
          ...(choices.crs ? { crs: choices.crs } : {}),
          mappings,
          defaultCommunity,
          actor: actorOf(c),
          options: {
            ...choices.read,
            crs: choices.crs ?? null,
            mappingName: choices.mappingName ?? null,
            community: defaultCommunity,
          },
        })
      } catch (err) {
        if (err instanceof ImportError)
          throw new AppError('BAD_REQUEST', err.issue.zh, { issue: err.issue })
        throw err
      }
      return c.json((await getImport(db, id))!, 201)
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param')
      // Answered from memory while committing: on PGlite a query would wait for the commit.
      const progress = commitProgress(db, id)
      if (progress)
        return c.json({ id, status: 'committing' as const, progress: { ...progress } }, 200)
      const report = await getImport(db, id)
      if (!report) throw new AppError('NOT_FOUND', `import ${id} not found`)
      return c.json(report, 200)
    })
    .openapi(rejected, async (c) => {
      const { id } = c.req.valid('param')
      const report = await getImport(db, id)
      if (!report) throw new AppError('NOT_FOUND', `import ${id} not found`)
      return new Response(rejectedCsv(report.rejected), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachment(
            `导入${id}-未通过的行.csv`,
            `import-${id}-rejected.csv`,
          ),
        },
      }) as never
    })
    .openapi(commit, async (c) => {
      const { id } = c.req.valid('param')
      await commitImport(db, id, actorOf(c))
      return c.json((await getImport(db, id))!, 200)
    })
}
