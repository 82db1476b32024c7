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
  'query.duplicate_parameter': 'A query parameter was given more than once (only list-valued parameters may repeat); `errors` names it.',
  'query.invalid_cursor': 'The `cursor` is not one this API issued for this list (changed, made up, or from another list).',
  'career.not_found': 'No career has that slug.',
  'code.not_found': 'No career carries that occupation code.',
  'skill.not_found': 'No skill has that id.',
  'credential.not_found': 'No credential has that id.',
  'resource.not_found': 'No learning resource has that id.',
  'field.not_found': 'No group of that field hierarchy has that code.',
  'interest.not_found': 'No RIASEC interest has that letter.',
  'route.not_found': 'No route matches the method and path.',
  'auth.required': 'The operation needs a signed-in session or an API key.',
  'auth.session_required': 'The operation needs a signed-in session; an API key cannot do it.',
  'auth.invalid_credentials': 'Sign-in failed: the same answer for an unknown address, a wrong password and a disabled account.',
  'auth.throttled': 'Too many failed sign-ins for the account or address, or too many sign-ups from the address; retry after `Retry-After` seconds.',
  'consent.pending': 'The account belongs to a child under 13 whose parent or guardian has not agreed yet; exporting, sharing and joining schools wait for that.',
  'consent.parent_email_required': 'The birth date given makes the person younger than 13: a parent or guardian\'s own email address is required.',
  'auth.invalid_key': 'The Authorization header holds no valid API key (malformed, unknown, revoked, expired or its owner disabled).',
  'auth.key_in_query': 'An API key was sent in the URL; keys are accepted only as `Authorization: Bearer`.',
  'csrf.invalid': 'A cookie-authenticated write came from another site or without a valid `x-csrf-token`.',
  'token.invalid': 'A verification, reset or setup token is unknown, used, expired or for another purpose.',
  'password.too_short': 'The new password has fewer than 8 characters (Unicode code points after NFC).',
  'password.too_long': 'The new password has more than 1024 characters.',
  'password.common': 'The new password is on the list of common passwords or is the account\'s own address or name.',
  'setup.done': 'First-run setup is over: a platform administrator exists.',
  'api_key.not_found': 'You have no API key with that id.',
  'api_key.limit': 'Too many active API keys; revoke one first.',
  'session.not_found': 'You have no session with that id.',
  'school.not_found': 'No school of yours has that id.',
  'school.last_admin': 'The change would leave the school without an admin; make another member admin first.',
  'access.denied': 'The policy does not let you do this (your role, your API key\'s scopes).',
  'member.not_found': 'The school has no member with that id.',
  'member.self_demotion': 'A school admin cannot change their own role.',
  'user.not_found': 'No user has that id or address.',
  'school.slug_taken': 'Another school has that slug.',
  'invitation.not_found': 'The invitation is unknown, expired, revoked, used up or for another address (one answer for all).',
  'method.not_allowed': 'The resource does not support the method (the access log is append-only).',
  'service.busy': 'Too many password checks at once; retry after `Retry-After` seconds.',
  'service.unavailable': 'A dependency (the database) is not reachable; retry later.',
  'service.overloaded': 'The process is overloaded (event-loop delay, heap or utilisation past its limit) and shed the request before doing any work; retry after `Retry-After` seconds.',
  'metrics.unauthorized': '/metrics needs `Authorization: Bearer <METRICS_TOKEN>` on this instance.',
  'jobs.unavailable': 'The job queue (Redis) is not reachable, so the job was not enqueued; retry after `Retry-After` seconds.',
  'graphql.depth_limit': 'GraphQL: the document nests fields deeper than the limit (`extensions.limit`); refused before execution.',
  'graphql.alias_limit': 'GraphQL: the document has more aliases than the limit; refused before execution.',
  'graphql.token_limit': 'GraphQL: the document has more tokens than the limit; refused while parsing.',
  'graphql.cost_limit': 'GraphQL: the static cost (fields times list sizes from `first`) is over the budget; refused before execution.',
  'graphql.directive_limit': 'GraphQL: the document uses more directives than the limit; refused before execution.',
  'graphql.document_too_large': 'GraphQL: the document is longer than the limit in characters; refused before parsing.',
  'graphql.list_limit': 'GraphQL: a list argument `first` is above its maximum (100).',
  'graphql.introspection_disabled': 'GraphQL: introspection is off on this instance (production without GRAPHQL_INTROSPECTION=true).',
  'graphql.unsupported_media_type': 'GraphQL: a POST must be application/json (or application/graphql); simple content types a cross-site form can send are refused.',
  'graphql.invalid': 'GraphQL: the document does not parse or validate against the schema, or its variables do not fit.',
  'issuer.key_unavailable': 'The instance\'s credential-signing key cannot be unwrapped with the current SECRET_KEY; an operator must rotate the issuer key.',
  'credential.invalid_input': 'The data given for a verifiable credential cannot make a valid one (a skill URI that is not absolute, a level outside 0–5, a duplicate skill).',
  'passport.unresolved': 'Entries of a passport name no catalog skill, credential or career; `errors` lists each with a JSON pointer, and nothing was stored.',
  'passport_skill.not_found': 'Your passport has no skill with that id (or an equivalent one).',
  'earned_credential.not_found': 'Your passport lists no earned credential with that id.',
  'plan.not_found': 'You have no learning plan with that id.',
  'plan.limit': 'You have the most learning plans one account may keep; delete one first.',
  'plan_item.not_found': 'The plan has no item with that id (as planned now, or marked done).',
  'pathway_step.not_found': 'The career has no pathway step in that section at that position.',
  'pathway.not_found': 'No career with that slug has pathway steps.',
  'cv.not_found': 'You have no saved CV with that id (another learner\'s CV answers the same).',
  'cv.limit_reached': 'A learner keeps at most 20 saved CVs; delete one first.',
  'cv_import.not_json': 'The imported file is not JSON text.',
  'cv_import.not_object': 'The imported file is JSON but not an object.',
  'cv_import.not_json_resume': 'The imported object has none of the JSON Resume fields.',
  'cv_import.invalid': 'The imported file does not follow the JSON Resume schema; `errors` lists each problem with a JSON pointer.',
  'cv_import.too_large': 'The imported file is larger than 1 MiB.',
  'cv_import.too_many_skills': 'The imported file names more than 500 skills and keywords.',
  'cv.source_required': 'A CV request gave neither or both of `cv` and `passport`; exactly one is needed.',
  // Educators (issue 8): cohorts, adapted pathways, programmes, reports.
  'cohort.not_found': 'The school has no cohort with that id.',
  'cohort.archived': 'The cohort is archived: it takes no new learners or assignments.',
  'cohort.join_not_found': 'No open cohort has that join code (one answer for unknown, switched-off and archived).',
  'cohort_member.not_found': 'The cohort has no learner with that id.',
  'assignment.not_found': 'The cohort has no assignment with that id.',
  'adapted_pathway.not_found': 'The school has no adapted pathway with that id.',
  'adapted_step.not_found': 'The adapted pathway has no step with that id.',
  'upstream_change.not_found': 'The adapted pathway has no pending upstream change with that key (decided already, or upstream changed again).',
  'school_credential.not_found': 'The school has no local credential with that id.',
  'programme.not_found': 'The school has no programme with that id.',
  'programme.duplicate': 'The school already lists a programme with that CIP code.',
  'cip.not_found': 'No CIP 2020 code of the imported CIP–SOC crosswalk matches.',
  'report.invalid_range': 'The report\'s `from` date is after its `to` date, or the range is longer than the limit.',
  // Educators (issue 8): codes added by the cohort, pathway, programme and report work go below.
  'upstream_change.stale': 'The upstream step changed again after the change was shown: `hash` is no longer the current one; read …/upstream again.',
  'adapted_pathway.order_invalid': 'A new order of an adapted pathway must list each of its step ids exactly once.',
  'cip.invalid': 'The CIP code is not written as a CIP 2020 code (11.0201, 110201, or a series such as 11.02).',
  'programme.limit': 'The school already lists the most programmes one school may list (1,000).',
  'cohort_staff.not_found': 'The cohort\'s staff has no one with that id.',
  'cohort_staff.not_staff': 'Only the school\'s educators and administrators can run a cohort.',
  'assignment.duplicate': 'The cohort already assigns that career or pathway.',
  'internal': 'An unexpected error; it is logged with the request id, which the answer carries as `traceId`.',
}
