/**
 * Scripted replies: a FIFO consumed by the next matching request, then persistent
 * replies. Without a match, only generation routes (chat, messages, generateContent)
 * take scripted replies, so a models listing cannot eat a reply meant for a chat call.
 */
import type { Match, RecordedRequest, ReplySpec, RouteName } from './types.js'

const GENERATION_ROUTES: RouteName[] = ['openai.chat', 'anthropic.messages', 'gemini.generate', 'gemini.stream']

interface Entry {
  reply: ReplySpec
  match?: Match
}

export function matches(match: Match | undefined, req: RecordedRequest): boolean {
  if (typeof match === 'function') return match(req)
  const routes = match?.route === undefined ? GENERATION_ROUTES : ([] as RouteName[]).concat(match.route)
  if (!req.route || !routes.includes(req.route)) return false
  if (!match) return true
  if (match.provider !== undefined && match.provider !== req.provider) return false
  if (match.prefix !== undefined && match.prefix !== req.prefix) return false
  if (match.stream !== undefined && match.stream !== req.stream) return false
  if (match.model !== undefined) {
    const model = req.model ?? ''
    if (typeof match.model === 'string' ? match.model !== model : !match.model.test(model)) return false
  }
  return true
}

export class ScriptQueue {
  private queue: Entry[] = []
  private persistent: Entry[] = []

  enqueue(reply: ReplySpec, match?: Match): void {
    this.queue.push({ reply, match })
  }

  /** The newest persistent reply wins; null removes them all. */
  always(reply: ReplySpec | null, match?: Match): void {
    if (reply === null) this.persistent = []
    else this.persistent.unshift({ reply, match })
  }

  get pending(): number {
    return this.queue.length
  }

  get empty(): boolean {
    return this.queue.length === 0 && this.persistent.length === 0
  }

  take(req: RecordedRequest): ReplySpec | undefined {
    const i = this.queue.findIndex((e) => matches(e.match, req))
    if (i >= 0) return this.queue.splice(i, 1)[0].reply
    return this.persistent.find((e) => matches(e.match, req))?.reply
  }

  clear(): void {
    this.queue = []
    this.persistent = []
  }
}
