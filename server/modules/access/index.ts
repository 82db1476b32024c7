/**
 * Access: the policy layer (one table of operations and rules, enforced on every route), schools and
 * their members, invitations and the access log of reads of learner records.
 */
export { POLICY, decide, isOperation, type OperationId, type Rule, type SchoolRole, type AccessContext, type Decision } from './policy.js'
export { installAccessControl, accessDenied, routeOperations, type RouteOperation } from './access.hook.js'
export { createSchoolsService, type SchoolsService } from './schools.service.js'
export { schoolRoutes } from './schools.routes.js'
export { consentRoutes, decideParentalConsent } from './consent.routes.js'
export { accountDataRoutes, exportAccount, deleteAccount, deleteAccountWithPassword } from './account-data.js'
export { redeemThrottled } from './redeem.js'
export type { SchoolView, MemberView, InvitationView, AccessLogView } from './schools.service.js'
