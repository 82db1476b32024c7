/**
 * The process logger: pino JSON lines. Fastify adds `reqId` to every line logged for a request; the
 * request serializer drops headers and redacts keys and tokens in the URL, and the redaction paths
 * cover credentials wherever a header object is logged anyway.
 */
import { pino, type DestinationStream } from 'pino'
import { serializeRequest } from '../../modules/identity/index.js'

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'x-api-key']
const HEADER_HOLDERS = ['req.headers', 'res.headers', 'request.headers', 'headers']

/** pino redaction paths: each secret header under each place a header object may be logged. */
export const REDACT_PATHS: string[] = HEADER_HOLDERS.flatMap((holder) => SECRET_HEADERS.map((header) => `${holder}[${JSON.stringify(header)}]`))

export function createLogger(level: string, destination?: DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { req: serializeRequest } }
  return destination ? pino(options, destination) : pino(options)
}
