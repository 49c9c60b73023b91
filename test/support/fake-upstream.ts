/**
 * Fake upstream: a real HTTP server (node:http, 127.0.0.1, random port) that answers
 * like OpenAI Chat Completions, Anthropic Messages and Gemini generateContent do, so
 * gateway tests and benchmarks talk to something wire-faithful. It never imports src/.
 *
 * Routes (any path prefix before /v1 or /v1beta is allowed and recorded, so one fake can
 * pose as several providers: `${fake.url}/deepseek/v1/chat/completions`):
 *   POST /v1/chat/completions                 OpenAI (stream per body.stream)
 *   GET  /v1/models                           OpenAI list, or Anthropic list with `anthropic-version`
 *   POST /v1/messages, /v1/messages/count_tokens   Anthropic (needs `anthropic-version`)
 *   POST /v1beta/models/{model}:generateContent | :streamGenerateContent?alt=sse | :countTokens
 *   GET  /v1beta/models                       Gemini
 *
 * Usage:
 *   const fake = await startFakeUpstream({ apiKey: 'sk-test' })
 *   // provider config for the gateway: { type: 'openai', baseURL: fake.baseURL('openai'), apiKey: 'sk-test' }
 *   //   (anthropic → fake.baseURL('anthropic'), gemini → fake.baseURL('gemini'); prefix: fake.baseURL('openai', '/groq'))
 *   // Nothing scripted: "You said: <last user text>" in the provider's real shape; ids are
 *   // derived from the request body, so identical requests get identical answers.
 *   fake.enqueue(openai.toolCalls([{ name: 'get_weather', arguments: { city: 'Paris' } }]))
 *   fake.enqueue(anthropic.thinking('Let me think.', 'Done.'), { route: 'anthropic.messages' })
 *   fake.enqueue(gemini.error(429, undefined, { retryDelay: '2s' }))
 *   fake.enqueue({ sse: ['data: {"broken\n\n'], ending: 'reset' })       // raw SSE then a cut connection
 *   fake.enqueue({ raw: '<html>gateway</html>', contentType: 'text/html', status: 200 })
 *   fake.enqueue({ destroy: true })                                     // socket reset before any byte
 *   fake.enqueue({ hang: true })  /  fake.enqueue({ delayMs: 300 })       // never answer / answer late
 *   fake.enqueue(openai.text('slow', { chunkDelayMs: 50, firstByteDelayMs: 200 }))
 *   fake.enqueue((req) => (req.stream ? { error: 503 } : { json: { ok: true } }))
 *   fake.alwaysReply({ error: 500 }, { prefix: '/broken' })             // until reset()
 *   const req = await fake.waitForRequest(1)        // 1-based; req.rawBody, req.json, req.headers ...
 *   const abortedAt = await fake.waitForAbort(req)  // Date.now() when the client hung up
 *   await fake.close()
 *
 * Builders return functions of the request, so they stream or not as the request asked
 * (Gemini: as the endpoint asked) and name the requested model. Options on every builder:
 * stream, model, id, usage {input, output, cacheRead, cacheWrite, reasoning}, stop,
 * chunkSize, chunkDelayMs, firstByteDelayMs, delayMs, ending ('normal'|'reset'|'hang'),
 * status, headers.
 *
 * Faithful validation (on by default, off with validate: false): Anthropic requires
 * max_tokens, non-empty alternating messages starting with user, paired tool_use /
 * tool_result, and signatures on thinking blocks (HMAC-SHA256(signingSecret, thinking),
 * base64 — fake.signThinking(text) gives it) and redacted data the fake issued; with
 * thinking on, an assistant tool-use turn must open with thinking. OpenAI requires
 * messages and tool messages answering a preceding tool call. Gemini 3 requires the
 * thoughtSignature it issued on the current turn's first functionCall.
 * Auth errors are each provider's real ones: OpenAI/Anthropic 401; Gemini 403 without a
 * key and 400 API_KEY_INVALID with a wrong one (as Google really does).
 *
 * Benchmarks: startFakeUpstream({ fast: { chunks: 20, intervalMs: 5 } }) answers from
 * bodies rendered once at start-up, with no validation and no recording (count only).
 */
export { startFakeUpstream } from './fake-upstream/server.js'
export { openai } from './fake-upstream/openai/builders.js'
export { anthropic } from './fake-upstream/anthropic/builders.js'
export { gemini } from './fake-upstream/gemini/builders.js'
export type { Answer, AnswerBlock, BuildOptions, StopKind, UsageSpec } from './fake-upstream/answer.js'
export type { OpenAIToolCall, OpenAIErrorOptions } from './fake-upstream/openai/builders.js'
export type { OpenAIBuildOptions } from './fake-upstream/openai/render.js'
export type { AnthropicToolUse, AnthropicErrorOptions } from './fake-upstream/anthropic/builders.js'
export type { GeminiFunctionCall, GeminiErrorOptions } from './fake-upstream/gemini/builders.js'
export type { GeminiBuildOptions } from './fake-upstream/gemini/render.js'
export type * from './fake-upstream/types.js'
