/** What the fake answers when nothing is scripted: an echo of the last user message, in the route's real shape. */
import { thinkingEnabled, lastUserText as anthropicUserText } from './anthropic/extract.js'
import { renderAnthropic } from './anthropic/render.js'
import { includeThoughts, lastUserText as geminiUserText } from './gemini/extract.js'
import { renderGemini } from './gemini/render.js'
import { anthropicModelList, geminiModelList, openaiModelList } from './models.js'
import { lastUserText as openaiUserText } from './openai/extract.js'
import { renderOpenAI } from './openai/render.js'
import { bodyOf } from './render-common.js'
import { echoText, estimateInputTokens } from './text.js'
import type { Provider, RecordedRequest, Reply, ReplyContext } from './types.js'

export function defaultReply(req: RecordedRequest, ctx: ReplyContext, models: Record<Provider, string[]>): Reply {
  switch (req.route) {
    case 'openai.chat':
      return renderOpenAI(req, ctx, { blocks: [{ type: 'text', text: echoText(openaiUserText(req)) }] })
    case 'anthropic.messages': {
      const text = anthropicUserText(req)
      const thinking = thinkingEnabled(req) ? [{ type: 'thinking' as const, text: `The user said "${text}". I will echo it back.` }] : []
      return renderAnthropic(req, ctx, { blocks: [...thinking, { type: 'text', text: echoText(text) }] })
    }
    case 'anthropic.count_tokens': {
      const body = bodyOf(req)
      return { json: { input_tokens: estimateInputTokens(body.system, body.messages, body.tools) } }
    }
    case 'gemini.generate':
    case 'gemini.stream': {
      const text = geminiUserText(req)
      const thought = includeThoughts(req) ? [{ type: 'thinking' as const, text: `**Echoing**\n\nThe user said "${text}".` }] : []
      return renderGemini(req, ctx, { blocks: [...thought, { type: 'text', text: echoText(text) }] })
    }
    case 'gemini.count_tokens': {
      const body = bodyOf(req)
      const total = estimateInputTokens(body.contents, body.systemInstruction, body.tools)
      return { json: { totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] } }
    }
    case 'openai.models':
      return { json: openaiModelList(models.openai) }
    case 'anthropic.models':
      return { json: anthropicModelList(models.anthropic) }
    case 'gemini.models':
      return { json: geminiModelList(models.gemini) }
    default:
      return { error: 404 }
  }
}
