/**
 * A fake upstream, a real gateway configured against it, and the two official
 * SDK clients pointed at the gateway (no retries of their own, so every call
 * is one request): what the end-to-end suites drive.
 */
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.js'
import { startGateway, type TestGateway } from './start-gateway.js'

export interface SdkHarness {
  fake: FakeUpstream
  gw: TestGateway
  openai: OpenAI
  anthropic: Anthropic
  close(): Promise<void>
}

/** `config(fake)` is the gateway's config, built once the fake's URLs are known; the fake checks `upstreamKey`. */
export async function startSdkHarness(upstreamKey: string, config: (fake: FakeUpstream) => Record<string, unknown>): Promise<SdkHarness> {
  const fake = await startFakeUpstream({ apiKey: upstreamKey })
  const gw = await startGateway(config(fake))
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
