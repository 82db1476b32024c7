/**
 * One error type for everything the API refuses on purpose. `code` is stable and documented; the
 * message is for people and may change.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** 404 for an unknown resource, e.g. notFound('career', 'foo') → code career.not_found. */
export function notFound(what: string, id: string): AppError {
  return new AppError(`${what}.not_found`, 404, `No ${what} ${JSON.stringify(id)}.`, { resource: what, id })
}

/** 400 for a query that is well-formed but cannot be used (the field is named in `errors`). */
export function invalidQuery(field: string, message: string): AppError {
  return new AppError('request.invalid', 400, `Invalid query parameter ${field}: ${message}`, {
    errors: [{ pointer: `/querystring/${field}`, message }],
  })
}

/** 400 for a path parameter that is well-formed for the router but not usable. */
export function invalidParam(field: string, message: string): AppError {
  return new AppError('request.invalid', 400, `Invalid path parameter ${field}: ${message}`, {
    errors: [{ pointer: `/params/${field}`, message }],
  })
}

/** Stable codes this API may answer with, documented in the OpenAPI description. */
export const PROBLEM_CODES: Record<string, string> = {
  'request.invalid': 'A parameter, query field or body field failed validation; `errors` lists each with a JSON pointer.',
  'career.not_found': 'No career has that slug.',
  'code.not_found': 'No career carries that occupation code.',
  'route.not_found': 'No route matches the method and path.',
  'service.unavailable': 'A dependency (the database) is not reachable; retry later.',
  'internal': 'An unexpected error; it is logged with the request id, which the answer carries as `traceId`.',
}
