import { describe, expect, it } from 'vitest'
import { isForwardedHeader } from './passthrough.js'

describe('isForwardedHeader', () => {
  // Response header names as OpenAI and Anthropic send them (lower-cased by the HTTP client).
  it.each([
    ['x-request-id', true],
    ['request-id', true],
    ['openai-processing-ms', true],
    ['openai-version', true],
    ['x-ratelimit-limit-requests', true],
    ['x-ratelimit-remaining-tokens', true],
    ['x-ratelimit-reset-requests', true],
    ['anthropic-ratelimit-requests-limit', true],
    ['anthropic-ratelimit-output-tokens-reset', true],
    ['retry-after', true],
    ['x-should-retry', true],
    ['openai-organization', false],
    ['openai-project', false],
    ['anthropic-organization-id', false],
    ['set-cookie', false],
    ['cf-ray', false],
    ['content-length', false],
    ['transfer-encoding', false],
    ['connection', false],
    ['authorization', false],
    ['x-request-id-extra', false],
    ['my-x-ratelimit-limit', false],
  ])('%s -> %s', (name, forwarded) => {
    expect(isForwardedHeader(name)).toBe(forwarded)
  })
})
