/** Problem codes of the identity module (also listed in platform/http/errors.ts PROBLEM_CODES). */
import { AppError } from '../../platform/http/errors.js'
import type { PasswordProblem } from './passwords.js'

export const invalidCredentials = (): AppError =>
  new AppError('auth.invalid_credentials', 401, 'That email address and password do not match an account.')

export const throttled = (retryAfterSeconds: number): AppError =>
  new AppError('auth.throttled', 429, 'Too many failed sign-ins; wait before trying again.', { retryAfter: retryAfterSeconds })

export const signupThrottled = (retryAfterSeconds: number): AppError =>
  new AppError('auth.throttled', 429, 'Too many accounts were created from this network recently; wait before trying again.', { retryAfter: retryAfterSeconds })

export const invalidToken = (): AppError =>
  new AppError('token.invalid', 400, 'This link or token is not valid: it may have been used already or have expired.')

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: 'The password must have at least 8 characters.',
  too_long: 'The password may have at most 1024 characters.',
  common: 'This password is too common or too easy to guess; choose another.',
}

export const passwordRefused = (problem: PasswordProblem, field: string): AppError =>
  new AppError(`password.${problem}`, 400, PASSWORD_MESSAGES[problem], { errors: [{ pointer: `/body/${field}`, message: PASSWORD_MESSAGES[problem] }] })

export const invalidEmail = (): AppError =>
  new AppError('request.invalid', 400, 'That is not an email address.', { errors: [{ pointer: '/body/email', message: 'must be an email address' }] })

export const invalidDisplayName = (): AppError =>
  new AppError('request.invalid', 400, 'The display name must have 1 to 100 printable characters.', {
    errors: [{ pointer: '/body/displayName', message: 'must have 1 to 100 printable characters' }],
  })

export const setupDone = (): AppError =>
  new AppError('setup.done', 409, 'Pathways is already set up: a platform administrator exists.')
