/**
 * The one error type that crosses layers. Each client format renders it in its
 * own envelope (see src/formats/<format>/errors.ts); each provider format builds
 * it from upstream error bodies.
 */

export type ErrorKind =
  | 'invalid_request' // 400
  | 'authentication' // 401
  | 'billing' // 402
  | 'permission' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'timeout' // 408 / 504
  | 'conflict' // 409
  | 'request_too_large' // 413
  | 'unprocessable' // 422
  | 'rate_limit' // 429
  | 'api_error' // 500 and unknown 5xx
  | 'bad_gateway' // 502: the upstream answered with something unusable
  | 'overloaded' // 503 / 529
  | 'cancelled' // 499: the client went away

const KIND_STATUS: Record<ErrorKind, number> = {
  invalid_request: 400,
  authentication: 401,
  billing: 402,
  permission: 403,
  not_found: 404,
  method_not_allowed: 405,
  timeout: 408,
  conflict: 409,
  request_too_large: 413,
  unprocessable: 422,
  rate_limit: 429,
  api_error: 500,
  bad_gateway: 502,
  overloaded: 529,
  cancelled: 499,
}

export interface GatewayErrorOptions {
  status?: number
  /** The request field at fault, e.g. `messages[0].content`. */
  param?: string
  /** A machine-readable code (OpenAI `code`), e.g. `model_not_found`. */
  code?: string
  /** When the upstream said how long to wait (retry-after, Gemini RetryInfo). */
  retryAfterMs?: number
  /** The upstream's own error type string, kept so same-format clients see it. */
  upstreamType?: string
  /** Which provider produced it, if any. */
  provider?: string
  /** The upstream's error body as received, and the format it is in: same-format clients get it verbatim. */
  upstreamBody?: string
  upstreamFormat?: 'openai' | 'anthropic' | 'gemini'
  cause?: unknown
}

export class GatewayError extends Error {
  readonly kind: ErrorKind
  readonly status: number
  readonly param?: string
  readonly code?: string
  readonly retryAfterMs?: number
  readonly upstreamType?: string
  readonly provider?: string
  readonly upstreamBody?: string
  readonly upstreamFormat?: 'openai' | 'anthropic' | 'gemini'

  constructor(kind: ErrorKind, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'GatewayError'
    this.kind = kind
    this.status = options.status ?? KIND_STATUS[kind]
    this.param = options.param
    this.code = options.code
    this.retryAfterMs = options.retryAfterMs
    this.upstreamType = options.upstreamType
    this.provider = options.provider
    this.upstreamBody = options.upstreamBody
    this.upstreamFormat = options.upstreamFormat
  }

  /** A copy with some options replaced (the fields are read-only): e.g. the provider and raw body added where they are known. */
  with(overrides: GatewayErrorOptions): GatewayError {
    const { status, param, code, retryAfterMs, upstreamType, provider, upstreamBody, upstreamFormat } = this
    return new GatewayError(this.kind, this.message, { status, param, code, retryAfterMs, upstreamType, provider, upstreamBody, upstreamFormat, ...overrides })
  }
}

/** Default status for a kind. */
export function statusForKind(kind: ErrorKind): number {
  return KIND_STATUS[kind]
}

/** The kind an HTTP status most likely means, for upstream errors. */
export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
      return 'invalid_request'
    case 401:
      return 'authentication'
    case 402:
      return 'billing'
    case 403:
      return 'permission'
    case 404:
      return 'not_found'
    case 405:
      return 'method_not_allowed'
    case 408:
    case 504:
      return 'timeout'
    case 409:
      return 'conflict'
    case 413:
      return 'request_too_large'
    case 422:
      return 'unprocessable'
    case 429:
      return 'rate_limit'
    case 502:
      return 'bad_gateway'
    case 503:
    case 529:
      return 'overloaded'
    default:
      return status >= 500 ? 'api_error' : 'invalid_request'
  }
}

/** Anything thrown, as a GatewayError (unknown errors become a 500 without internals). */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error
  return new GatewayError('api_error', 'Internal gateway error', { cause: error })
}
