/**
 * One fake upstream posing as several providers (Gemini, and OpenAI-compatible
 * services under their own path prefixes), a gateway configured with them the
 * way a user would, and the two official SDK clients pointed at the gateway.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../support/fake-upstream.js'
import { startGateway, type TestGateway } from '../support/start-gateway.js'

export const UPSTREAM_KEY = 'upstream-test-key'

export interface ProviderHarness {
  fake: FakeUpstream
  gw: TestGateway
  openai: OpenAI
  anthropic: Anthropic
  close(): Promise<void>
}

/**
 * Providers: `google` (gemini), `deepseek` (preset), `mistral` (preset), `strict`
 * (plain openai type, no quirks), plus `extra(fake)` ones.
 */
export async function startHarness(extra: (fake: FakeUpstream) => Record<string, unknown> = () => ({})): Promise<ProviderHarness> {
  const fake = await startFakeUpstream({ apiKey: UPSTREAM_KEY })
  const gw = await startGateway({
    providers: {
      google: { type: 'gemini', baseURL: fake.baseURL('gemini'), apiKey: UPSTREAM_KEY },
      deepseek: { type: 'openai', preset: 'deepseek', baseURL: fake.baseURL('openai', '/deepseek'), apiKey: UPSTREAM_KEY },
      mistral: { type: 'openai', preset: 'mistral', baseURL: fake.baseURL('openai', '/mistral'), apiKey: UPSTREAM_KEY },
      strict: { type: 'openai', baseURL: fake.baseURL('openai', '/strict'), apiKey: UPSTREAM_KEY },
      ...extra(fake),
    },
    // Each test scripts exactly one upstream answer per call: no retries.
    routing: { retries: 0 },
  })
  const openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'client-key', maxRetries: 0 })
  const anthropic = new Anthropic({ baseURL: gw.url, apiKey: 'client-key', maxRetries: 0 })
  return {
    fake,
    gw,
    openai,
    anthropic,
    async close() {
      await gw.close()
      await fake.close()
    },
  }
}

/** The JSON body the fake received as its n-th request from the end (1 = last). */
export function sent(fake: FakeUpstream, fromEnd = 1): Record<string, any> {
  const request: RecordedRequest | undefined = fake.requests.at(-fromEnd)
  if (!request) throw new Error(`the fake received ${fake.requests.length} requests`)
  return request.json as Record<string, any>
}

/** A 1x1 transparent PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
