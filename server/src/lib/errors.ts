import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every error code the API answers with, and its HTTP status: the one table clients can rely on. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY: 429,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof ERROR_STATUS

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}

/** An error meant for the client: its message is shown to users, so it names what is wrong. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code]
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    }
  }
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  '57P01',
  '57P03',
])

/** True when an error means the database cannot be reached (server down, connection lost, timeout). */
export function isDbUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: string }).code
  if (code && CONNECTION_ERRORS.has(code)) return true
  if (err instanceof AggregateError) return err.errors.some(isDbUnavailable)
  return /timeout exceeded when trying to connect|Connection terminated|PGlite is closed/i.test(
    err.message,
  )
}
