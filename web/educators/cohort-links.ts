/** Addresses of the staff's cohort pages. */
export const schoolHref = (schoolId: string, rest = ''): string => `/schools/${encodeURIComponent(schoolId)}${rest}`
export const cohortHref = (schoolId: string, cohortId: string, rest = ''): string => schoolHref(schoolId, `/cohorts/${encodeURIComponent(cohortId)}${rest}`)
