/**
 * Reading an upstream's answer, the same way on the passthrough and the
 * translated paths: its body as text (a connection that breaks mid-body is
 * the provider's network error), and a non-2xx answer as the GatewayError its
 * format reads from it.
 */
import type { ProviderConfig } from '../../config/types.js'
import type { ProviderFormat } from '../../formats/types.js'
import type { GatewayError } from '../../ir/errors.js'
import type { UpstreamResponse } from '../types.js'
import { scrubSecrets } from './scrub-secrets.js'
import { networkError, readText } from './upstream-client.js'

/** The whole body as text; a failure while reading it becomes the provider's network error. */
export async function readAnswer(response: UpstreamResponse, config: ProviderConfig, url: string): Promise<string> {
  try {
    return await readText(response)
  } catch (error) {
    throw networkError(error, config.name, url, config.timeouts)
  }
}

/**
 * A non-2xx answer as an error. The body goes along (so a client of the same
 * format gets it verbatim), scrubbed first: an upstream may quote the key it
 * was sent.
 */
export function statusError(format: ProviderFormat, config: ProviderConfig, response: UpstreamResponse, body: string): GatewayError {
  const text = scrubSecrets(body, config)
  return format.errorFromUpstream(response.status, text, response.headers).with({ provider: config.name, upstreamBody: text, upstreamFormat: format.name })
}
