/** OpenAI's error envelope: {"error":{"message","type","param","code"}}. */

export interface OpenAIErrorFields {
  message?: string
  type?: string
  param?: string | null
  code?: string | null
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** Defaults modelled on real responses for each status. */
function defaultsFor(status: number, model?: string): Required<OpenAIErrorFields> {
  switch (status) {
    case 400:
      return { message: 'Invalid request.', type: 'invalid_request_error', param: null, code: null }
    case 401:
      return { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' }
    case 403:
      return { message: 'Country, region, or territory not supported', type: 'request_forbidden', param: null, code: 'unsupported_country_region_territory' }
    case 404:
      return {
        message: `The model \`${model ?? 'unknown'}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      }
    case 429:
      return {
        message: `Rate limit reached for ${model ?? 'this model'} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      }
    case 503:
      return { message: 'The engine is currently overloaded, please try again later', type: 'server_error', param: null, code: null }
    default:
      return status >= 500
        ? { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null }
        : { message: `Request failed with status ${status}.`, type: 'invalid_request_error', param: null, code: null }
  }
}

export function openaiErrorBody(status: number, fields: OpenAIErrorFields = {}, model?: string): OpenAIErrorBody {
  const d = defaultsFor(status, model)
  return {
    error: {
      message: fields.message ?? d.message,
      type: fields.type ?? d.type,
      param: fields.param === undefined ? d.param : fields.param,
      code: fields.code === undefined ? d.code : fields.code,
    },
  }
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  openaiErrorBody(400, { message, type: 'invalid_request_error', param, code })
