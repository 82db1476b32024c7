/**
 * graphql-js as Mercurius loads it (CommonJS). An ESM `import 'graphql'` would load the package's
 * .mjs build, a second copy whose classes fail graphql's own instanceof checks against Mercurius's
 * schema; everything here takes graphql from this one instance.
 */
import { createRequire } from 'node:module'
import type * as GraphQL from 'graphql'

const require = createRequire(import.meta.url)

export const graphql = require('graphql') as typeof GraphQL
