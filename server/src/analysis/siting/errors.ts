import { AppError } from '../../lib/errors.ts'

/** Bad siting input; `field` names the offending input path (e.g. `demand[3].x`). Maps to HTTP 400. */
export class SitingInputError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_REQUEST', `${field} ${message}`, { field })
    this.name = 'SitingInputError'
  }
}
