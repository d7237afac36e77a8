// The ledger API (issue 3): imports with a dry run and an all-or-nothing commit, saved mappings,
// optimistic edits, a compound's history, and export.
import { router, type Deps } from '../../lib/context.ts'
import { compoundEditRoutes } from './edit/compound-edit.routes.ts'
import { fundingEditRoutes } from './edit/funding-edit.routes.ts'
import { recordEditRoutes } from './edit/record-edit.routes.ts'
import { ledgerExportRoutes } from './export/export.routes.ts'
import { ledgerRowsRoutes } from './export/rows.routes.ts'
import { historyRoutes } from './history/history.routes.ts'
import { ledgerImportRoutes } from './import/import.routes.ts'
import { ledgerMappingRoutes } from './import/mapping.routes.ts'

/** Every ledger route, mounted at the root. */
export const ledgerRoutes = (deps: Deps) =>
  router()
    .route('/', ledgerImportRoutes(deps))
    .route('/', ledgerMappingRoutes(deps))
    .route('/', compoundEditRoutes(deps))
    .route('/', recordEditRoutes(deps))
    .route('/', fundingEditRoutes(deps))
    .route('/', historyRoutes(deps))
    .route('/', ledgerExportRoutes(deps))
    .route('/', ledgerRowsRoutes(deps))
