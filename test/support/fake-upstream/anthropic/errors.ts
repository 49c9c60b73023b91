/** Anthropic's error envelope: {"type":"error","error":{"type","message"},"request_id"}. */

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
}

/** The default messages the official spec gives each type. */
const MESSAGE_BY_TYPE: Record<string, string> = {
  invalid_request_error: 'Invalid request',
  authentication_error: 'Authentication error',
  billing_error: 'Billing error',
  permission_error: 'Permission denied',
  not_found_error: 'Not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Rate limited',
  api_error: 'Internal server error',
  timeout_error: 'Request timeout',
  overloaded_error: 'Overloaded',
}

export function anthropicErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
}

export interface AnthropicErrorBody {
  type: 'error'
  error: { type: string; message: string }
  request_id: string
}

export function anthropicErrorBody(status: number, requestId: string, type?: string, message?: string): AnthropicErrorBody {
  const t = type ?? anthropicErrorType(status)
  return { type: 'error', error: { type: t, message: message ?? MESSAGE_BY_TYPE[t] ?? 'Error' }, request_id: requestId }
}

export function anthropicStreamErrorData(type: string, message?: string) {
  return { type: 'error', error: { type, message: message ?? MESSAGE_BY_TYPE[type] ?? 'Error' } }
}
