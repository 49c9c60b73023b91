/**
 * The requests the benchmark sends, as real SDK clients would: each one aimed either
 * straight at a fake upstream (the direct path) or at the gateway, naming a provider
 * configured on one of those fakes (lib/gateway.js writes `<fake>-openai` and
 * `<fake>-anthropic` providers for each).
 */
const SYSTEM = 'You are a concise assistant. Answer in one short paragraph.'
const QUESTION = 'Explain in two sentences why a local gateway should add almost no latency to LLM calls.'

const OPENAI_HEADERS = { authorization: 'Bearer sk-bench-openai', 'user-agent': 'OpenAI/JS 6.49.0' }
const ANTHROPIC_HEADERS = { 'x-api-key': 'sk-bench-anthropic', 'anthropic-version': '2023-06-01', 'user-agent': 'Anthropic/JS 1.14.0' }

function openaiBody(model, stream) {
  const body = { model, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: QUESTION }], max_tokens: 1024, temperature: 0.2 }
  if (stream) Object.assign(body, { stream: true, stream_options: { include_usage: true } })
  return JSON.stringify(body)
}

function anthropicBody(model, stream) {
  const body = { model, max_tokens: 1024, system: SYSTEM, messages: [{ role: 'user', content: QUESTION }] }
  if (stream) body.stream = true
  return JSON.stringify(body)
}

/**
 * A request in `client` format ('openai' | 'anthropic') answered by a fake upstream's
 * `provider` side; `via` is the gateway URL, or undefined for the direct path (where
 * client and provider must match).
 */
export function chatRequest({ client, provider = client, fake, urls, via, stream }) {
  if (!via && client !== provider) throw new Error('the direct path has no translation')
  const model = provider === 'openai' ? 'gpt-4o-mini' : 'claude-sonnet-4-5'
  const routed = via ? `${fake}-${provider}/${model}` : model
  if (client === 'openai') {
    return { url: via ?? urls[fake], path: '/v1/chat/completions', headers: OPENAI_HEADERS, body: openaiBody(routed, stream) }
  }
  return { url: via ?? urls[fake], path: '/v1/messages', headers: ANTHROPIC_HEADERS, body: anthropicBody(routed, stream) }
}
