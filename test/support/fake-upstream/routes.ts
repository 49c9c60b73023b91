/**
 * Path -> route. Anything before `/v1/` or `/v1beta/` is a free prefix, so one fake can
 * pose as several providers (`/deepseek/v1/chat/completions`, `/openai/v1/...`).
 */
import type { Provider, RouteName } from './types.js'

export interface RouteMatch {
  route: RouteName
  provider: Provider
  prefix: string
  /** Gemini: the model from the path. */
  model?: string
}

const OPENAI_LIKE = /^(.*?)\/v1\/(chat\/completions|messages\/count_tokens|messages|models)\/?$/
const GEMINI = /^(.*?)\/v1beta\/models(?:\/([^/:]+)(?::(generateContent|streamGenerateContent|countTokens))?)?\/?$/

export function matchRoute(method: string, pathname: string, headers: Record<string, string>): RouteMatch | null {
  const gemini = GEMINI.exec(pathname)
  if (gemini) return matchGemini(method, gemini[1], gemini[2], gemini[3])
  const m = OPENAI_LIKE.exec(pathname)
  if (!m) return null
  const [, prefix, tail] = m
  if (tail === 'chat/completions' && method === 'POST') return { route: 'openai.chat', provider: 'openai', prefix }
  if (tail === 'messages' && method === 'POST') return { route: 'anthropic.messages', provider: 'anthropic', prefix }
  if (tail === 'messages/count_tokens' && method === 'POST') return { route: 'anthropic.count_tokens', provider: 'anthropic', prefix }
  if (tail === 'models' && method === 'GET') {
    // Same path for both: the real gateway convention is to answer Anthropic-shaped when asked Anthropic-style.
    return headers['anthropic-version'] !== undefined
      ? { route: 'anthropic.models', provider: 'anthropic', prefix }
      : { route: 'openai.models', provider: 'openai', prefix }
  }
  return null
}

function matchGemini(method: string, prefix: string, model: string | undefined, action: string | undefined): RouteMatch | null {
  if (!model && method === 'GET') return { route: 'gemini.models', provider: 'gemini', prefix }
  if (!model || method !== 'POST') return null
  const decoded = decodeURIComponent(model)
  if (action === 'generateContent') return { route: 'gemini.generate', provider: 'gemini', prefix, model: decoded }
  if (action === 'streamGenerateContent') return { route: 'gemini.stream', provider: 'gemini', prefix, model: decoded }
  if (action === 'countTokens') return { route: 'gemini.count_tokens', provider: 'gemini', prefix, model: decoded }
  return null
}

/** Which error envelope to use for a path nothing matched. */
export function guessProvider(pathname: string): Provider {
  return pathname.includes('/v1beta/') ? 'gemini' : 'openai'
}
