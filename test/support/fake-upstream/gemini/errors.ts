/** Google's error envelope: {"error":{"code","message","status","details"?}}. */

const STATUS_NAME: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

const DEFAULT_MESSAGE: Record<number, string> = {
  400: 'Request contains an invalid argument.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: 'You exceeded your current quota, please check your plan and billing details.',
  500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  503: 'The model is overloaded. Please try again later.',
  504: 'Deadline expired before operation could complete.',
}

export interface GeminiErrorBody {
  error: { code: number; message: string; status: string; details?: unknown[] }
}

export function geminiStatusName(status: number): string {
  return STATUS_NAME[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION')
}

export function geminiErrorBody(status: number, message?: string, details?: unknown[]): GeminiErrorBody {
  const error: GeminiErrorBody['error'] = {
    code: status,
    message: message ?? DEFAULT_MESSAGE[status] ?? `Request failed with status ${status}.`,
    status: geminiStatusName(status),
  }
  if (details) error.details = details
  return { error }
}

/** The 429 the real API sends when a free-tier quota runs out: QuotaFailure + RetryInfo. */
export function quotaDetails(retryDelay: string, quotaId = 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier') {
  return [
    { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId }] },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ]
}

export const invalidArgument = (message: string) => geminiErrorBody(400, message)
