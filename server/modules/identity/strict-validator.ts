/**
 * Request validation without coercion for the identity routes. The app's Ajv coerces types (a number
 * becomes a string, a one-element array its element), which is right for query strings but not for
 * secrets in JSON bodies: here `{}`, `[]`, `null`, numbers and arrays are refused where a string is
 * expected (ASVS 15.3.5; Strapi #4442). Errors are reshaped to what the problem handler reads
 * (one item per missing or extra property).
 */
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox'
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify'
import type { TSchema } from 'typebox'

type Item = FastifySchemaValidationError & { params: Record<string, unknown> }

function reshape(errors: Item[]): Item[] {
  const out: Item[] = []
  for (const error of errors) {
    const required = error.params.requiredProperties
    const additional = error.params.additionalProperties
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) continue
    if (Array.isArray(required)) {
      for (const name of required) out.push({ ...error, params: { missingProperty: String(name) }, message: 'is required' })
    } else if (Array.isArray(additional)) {
      for (const name of additional) out.push({ ...error, params: { additionalProperty: String(name) }, message: 'is not allowed' })
    } else {
      out.push(error)
    }
  }
  return out
}

export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route)
  return (value: unknown) => {
    const result = validate(value) as { value?: unknown; error?: Item[] }
    return result.error ? { error: reshape(result.error) } : result
  }
}
