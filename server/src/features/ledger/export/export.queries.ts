import type { Db } from '../../../db/db.ts'
import { sql } from '../../../db/sql.ts'
import type { CoverageStatus } from '../../../domain/coverage.ts'
import { communitiesUnder } from '../../areas/areas.queries.ts'
import { col, LEDGER_COLUMNS } from '../shared/columns.ts'

export interface ExportFilter {
  area?: string
  status?: CoverageStatus[]
}

/** One compound as exported: ledger columns, place names, and its geometry as text. */
export type ExportRow = Record<string, unknown> & { geometry: string }

// Reals go out as their shortest text (0.381, not 0.38100001215934753) so they re-import equal.
const ledgerValue = (c: string) =>
  c === 'site_area_m2' || c === 'elderly_share'
    ? sql`c.${col(c)}::text AS ${col(c)}`
    : c === 'self_governance'
      ? sql`to_json(c.self_governance) AS self_governance`
      : sql`c.${col(c)}`

/**
 * The compounds of an area (default: all) with the given coverage statuses, ordered by code;
 * geometry (boundary, else the point) as GeoJSON or WKT at full precision, so an export
 * re-imports without change.
 */
export async function exportRows(
  db: Db,
  filter: ExportFilter,
  geometryAs: 'geojson' | 'wkt',
): Promise<ExportRow[]> {
  const shape = sql`coalesce(c.boundary, c.location)`
  const geometry =
    geometryAs === 'geojson' ? sql`ST_AsGeoJSON(${shape}, 15)` : sql`ST_AsText(${shape})`
  return db.query<ExportRow>(sql`
    SELECT ${sql.join(LEDGER_COLUMNS.map(ledgerValue))},
      a.name AS community, st.name AS street, di.name AS district, ${geometry} AS geometry
    FROM compound c
    JOIN area a ON a.id = c.community_id
    LEFT JOIN area st ON st.id = a.parent_id
    LEFT JOIN area di ON di.id = st.parent_id
    ${filter.status ? sql`JOIN compound_coverage cov ON cov.compound_id = c.id` : sql.empty}
    WHERE ${filter.area ? sql`c.community_id IN (${communitiesUnder(filter.area)})` : sql`TRUE`}
      AND ${filter.status ? sql`cov.status = ANY(${filter.status}::text[])` : sql`TRUE`}
    ORDER BY c.code`)
}
