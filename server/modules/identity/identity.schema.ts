/**
 * Request and response schemas of the auth and me routes. Bodies are strict (no extra properties),
 * strings bounded; secrets (tokens) must have the exact shape they are issued in. Passwords are
 * bounded at 4096 code points here, and the policy (8–1024) gives the precise answer.
 */
import { Type } from 'typebox'
import { SECRET_PATTERN } from './secrets.js'

const strict = { additionalProperties: false } as const

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Email address; compared without case' })
const Password = Type.String({ minLength: 1, maxLength: 4096, description: '8 to 1024 characters (Unicode code points after NFC normalisation)' })
const DisplayName = Type.String({ minLength: 1, maxLength: 100 })
export const SecretToken = Type.String({ pattern: SECRET_PATTERN, description: 'The token from the mail or the setup command' })
const Timestamp = Type.String({ description: 'ISO-8601 UTC' })
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-fA-F-]{1,64}$' })

export const SignupBody = Type.Object({
  email: Email, password: Password, displayName: DisplayName,
  birthDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD. Not stored; under 13 a parent or guardian must agree before the account can export, share or join a school.' })),
  parentEmail: Type.Optional(Type.String({ minLength: 3, maxLength: 254, description: 'Required when birthDate makes the person younger than 13: the parent or guardian who is asked to agree' })),
}, strict)
export const SigninBody = Type.Object({ email: Email, password: Password }, strict)
export const TokenBody = Type.Object({ token: SecretToken }, strict)
export const ResetRequestBody = Type.Object({ email: Email }, strict)
export const ResetConfirmBody = Type.Object({ token: SecretToken, password: Password }, strict)
export const SetupBody = Type.Object({ token: SecretToken, email: Email, password: Password, displayName: DisplayName }, strict)
export const ChangePasswordBody = Type.Object({
  currentPassword: Password,
  newPassword: Password,
  signOutOtherSessions: Type.Optional(Type.Boolean({ description: 'Also end every other session of this account' })),
}, strict)

export const ApiKeyScope = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('school')])
export const NewApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Array(ApiKeyScope, { minItems: 1, maxItems: 3, uniqueItems: true }),
  schoolId: Type.Optional(Id),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Default 90' })),
}, strict)

export const IdParams = Type.Object({ id: Id }, strict)

export const Membership = Type.Object({ schoolId: Type.String(), schoolName: Type.String(), schoolSlug: Type.String(), role: Type.String() })
export const Me = Type.Object({
  id: Type.String(), email: Type.String(), displayName: Type.String(), emailVerified: Type.Boolean(),
  platformRole: Type.Union([Type.Literal('user'), Type.Literal('platform_admin')]), memberships: Type.Array(Membership),
  parentalConsent: Type.Union([Type.Literal('not_required'), Type.Literal('pending'), Type.Literal('granted')], { description: 'Under 13: whether a parent or guardian has agreed' }),
})
export const SigninAnswer = Type.Object({ user: Me, csrfToken: Type.String({ description: 'Send as x-csrf-token on writes' }) })
export const CsrfAnswer = Type.Object({ csrfToken: Type.String() })
export const SignupAnswer = Type.Object({
  email: Type.String(),
  message: Type.String(),
})
export const Accepted = Type.Object({ message: Type.String() })
export const SetupAnswer = Type.Object({ id: Type.String(), email: Type.String() })

export const ApiKeyView = Type.Object({
  id: Type.String(), name: Type.String(), prefix: Type.String({ description: 'The first characters, to recognise the key' }),
  scopes: Type.Array(ApiKeyScope), schoolId: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp, expiresAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]), lastUsedAt: Type.Union([Timestamp, Type.Null()]),
})
export const NewApiKeyAnswer = Type.Object({
  key: Type.String({ description: 'The full key: shown this once, stored only as a hash' }),
  apiKey: ApiKeyView,
})
export const SessionView = Type.Object({
  id: Type.String(), createdAt: Timestamp, lastSeenAt: Timestamp, expiresAt: Timestamp,
  userAgent: Type.Union([Type.String(), Type.Null()]), current: Type.Boolean(),
})
