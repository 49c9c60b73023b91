/**
 * One fake upstream posing as several providers (Gemini, and OpenAI-compatible
 * services under their own path prefixes), a gateway configured with them the
 * way a user would, and the two official SDK clients pointed at the gateway.
 */
import type { FakeUpstream, RecordedRequest } from '../support/fake-upstream.js'
import { type SdkHarness, startSdkHarness } from '../support/sdk-harness.js'

export const UPSTREAM_KEY = 'upstream-test-key'

export type ProviderHarness = SdkHarness

/**
 * Providers: `google` (gemini), `deepseek` (preset), `mistral` (preset), `strict`
 * (plain openai type, no quirks), plus `extra(fake)` ones.
 */
export function startHarness(extra: (fake: FakeUpstream) => Record<string, unknown> = () => ({})): Promise<ProviderHarness> {
  return startSdkHarness(UPSTREAM_KEY, (fake) => ({
    providers: {
      google: { type: 'gemini', baseURL: fake.baseURL('gemini'), apiKey: UPSTREAM_KEY },
      deepseek: { type: 'openai', preset: 'deepseek', baseURL: fake.baseURL('openai', '/deepseek'), apiKey: UPSTREAM_KEY },
      mistral: { type: 'openai', preset: 'mistral', baseURL: fake.baseURL('openai', '/mistral'), apiKey: UPSTREAM_KEY },
      strict: { type: 'openai', baseURL: fake.baseURL('openai', '/strict'), apiKey: UPSTREAM_KEY },
      ...extra(fake),
    },
    // Each test scripts exactly one upstream answer per call: no retries.
    routing: { retries: 0 },
  }))
}

/** The JSON body the fake received as its n-th request from the end (1 = last). */
export function sent(fake: FakeUpstream, fromEnd = 1): Record<string, any> {
  const request: RecordedRequest | undefined = fake.requests.at(-fromEnd)
  if (!request) throw new Error(`the fake received ${fake.requests.length} requests`)
  return request.json as Record<string, any>
}

/** A 1x1 transparent PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
