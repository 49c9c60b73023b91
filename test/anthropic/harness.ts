/**
 * Shared set-up for the Anthropic SDK tests: a fake Anthropic upstream, a gateway
 * in front of it, and official SDK clients pointed at either — the gateway ones
 * record the exact body the SDK sent, so tests can compare it with what the
 * upstream received.
 */
import Anthropic from '@anthropic-ai/sdk'
import { type FakeUpstream, startFakeUpstream } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

export const UPSTREAM_KEY = 'sk-ant-upstream-secret'
/** The model id the gateway sends for every alias/pin used in these tests. */
export const UPSTREAM_MODEL = 'claude-3-5-sonnet-20241022'

export interface SentRequest {
  url: string
  headers: Record<string, string>
  body: string
}

/** `root`: `http://host:port` (the SDK adds /v1); `v1`: `http://host:port/v1`, as the docs page writes it. */
export type BaseURLForm = 'root' | 'v1'

export interface Harness {
  fake: FakeUpstream
  gw: TestGateway
  /** What the gateway clients sent, oldest first. */
  sent: SentRequest[]
  /** An SDK client talking to the gateway. */
  client(form?: BaseURLForm, options?: { defaultHeaders?: Record<string, string> }): Anthropic
  /** An SDK client talking straight to the fake upstream, with the provider's key. */
  direct(): Anthropic
  reset(): void
  close(): Promise<void>
}

function recordingFetch(sent: SentRequest[]): typeof fetch {
  return async (input, init) => {
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value
    })
    sent.push({ url: String(input instanceof Request ? input.url : input), headers, body: typeof init?.body === 'string' ? init.body : '' })
    return fetch(input, init)
  }
}

export async function startHarness(extra: Record<string, unknown> = {}): Promise<Harness> {
  const fake = await startFakeUpstream({ apiKey: UPSTREAM_KEY })
  const gw = await startGateway({
    providers: {
      anthropic: { type: 'anthropic', baseURL: fake.baseURL('anthropic'), apiKey: UPSTREAM_KEY },
      mock: { type: 'mock' },
    },
    models: { sonnet: `anthropic/${UPSTREAM_MODEL}` },
    // One attempt per request: these tests look at single upstream exchanges.
    routing: { retries: 0 },
    ...extra,
  })
  const sent: SentRequest[] = []
  return {
    fake,
    gw,
    sent,
    client(form = 'v1', options = {}) {
      return new Anthropic({
        baseURL: form === 'v1' ? `${gw.url}/v1` : gw.url,
        apiKey: 'client-key-unused',
        maxRetries: 0,
        fetch: recordingFetch(sent),
        ...options,
      })
    },
    direct() {
      // This SDK sends apiKey as `Authorization: Bearer`; the fake, like the gateway's provider, uses x-api-key.
      return new Anthropic({
        baseURL: fake.baseURL('anthropic'),
        apiKey: UPSTREAM_KEY,
        maxRetries: 0,
        defaultHeaders: { authorization: null, 'x-api-key': UPSTREAM_KEY },
      })
    },
    reset() {
      fake.reset()
      sent.length = 0
    },
    async close() {
      await gw.close()
      await fake.close()
    },
  }
}

/** The SDK's body with its model replaced by `model`: what the upstream must receive. */
export function withModel(body: string, model: string): string {
  const parsed = JSON.parse(body) as { model: string }
  const from = `"model":${JSON.stringify(parsed.model)}`
  if (!body.includes(from)) throw new Error(`no compact "model" field in ${body.slice(0, 80)}`)
  return body.replace(from, `"model":${JSON.stringify(model)}`)
}
