/** How the workers reach a real PostgreSQL + PostGIS, or why they cannot. */
export type PgTarget =
  | {
      available: true
      adminUrl: string
      template: string
      dbPrefix: string
      source: 'DATABASE_URL' | 'local'
    }
  | { available: false; reason: string }

declare module 'vitest' {
  // Filled by tests/helpers/global-setup.ts, read in workers with inject().
  export interface ProvidedContext {
    pg: PgTarget
    pgliteTemplateDir: string
    runId: string
  }
}
