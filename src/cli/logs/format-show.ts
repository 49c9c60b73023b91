/**
 * `logs show ID`: one record, readable — the route and timings, every attempt,
 * then the request (settings, tools, system, each turn) and the response
 * (thinking, text, tool calls, stop reason), whichever SDK format they are in.
 */
import type { LogRecord } from '../../log/record.js'
import { anthropicRequestView, anthropicResponseView } from './anthropic-view.js'
import { routeLabel, statusLabel } from './format-list.js'
import type { Paint } from './io.js'
import { openaiRequestView, openaiResponseView } from './openai-view.js'
import { type Block, isObject, type Json, type RequestView, type ResponseView, type Turn } from './transcript.js'
import { formatCost, formatMs, formatTime } from './units.js'

const indent = (text: string, pad = '  ') =>
  text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n')

/** Tool inputs are JSON strings: pretty-print them when they parse. */
function prettyJSON(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

function renderBlock(block: Block, paint: Paint): string {
  switch (block.kind) {
    case 'text':
      return block.cached ? `${block.text}\n${paint.dim('[cache breakpoint]')}` : block.text
    case 'thinking':
      return `${paint.magenta(block.signed ? '[thinking, signed]' : '[thinking]')}\n${indent(paint.dim(block.text))}`
    case 'redacted_thinking':
      return paint.magenta('[redacted thinking]')
    case 'tool_call':
      return `${paint.yellow(`[tool call] ${block.name}`)}${block.id ? paint.dim(` ${block.id}`) : ''}\n${indent(prettyJSON(block.input))}`
    case 'tool_result':
      return `${paint.yellow(block.isError ? '[tool result, error]' : '[tool result]')}${block.id ? paint.dim(` ${block.id}`) : ''}\n${indent(block.content)}`
    case 'image':
      return paint.dim(`[image ${block.description}]`)
    case 'other':
      return paint.dim(`[${block.type}] ${block.json}`)
  }
}

function renderTurn(turn: Turn, paint: Paint, title = turn.role): string {
  const head = paint.bold(title) + (turn.note ? paint.dim(` (${turn.note})`) : '')
  const body = turn.blocks.length === 0 ? paint.dim('(empty)') : turn.blocks.map((b) => renderBlock(b, paint)).join('\n')
  return `${head}\n${indent(body)}`
}

function isAnthropicShaped(record: LogRecord, body: Json): boolean {
  if (body.type === 'message' || 'stop_reason' in body || 'system' in body) return true
  if ('choices' in body) return false
  return record.format === 'anthropic'
}

function requestView(record: LogRecord, body: Json): RequestView {
  return isAnthropicShaped(record, body) ? anthropicRequestView(body) : openaiRequestView(body)
}

function responseView(record: LogRecord, body: Json): ResponseView {
  return isAnthropicShaped(record, body) ? anthropicResponseView(body) : openaiResponseView(body)
}

function renderRequest(record: LogRecord, paint: Paint): string {
  if (!isObject(record.request)) return paint.dim(record.request === null ? '(not recorded: log.bodies is false, or the body was not JSON)' : String(record.request))
  const view = requestView(record, record.request)
  const parts: string[] = []
  if (view.params.length > 0) parts.push(`${paint.bold('settings')}  ${view.params.map(([k, v]) => `${k}=${v}`).join('  ')}`)
  if (view.tools.length > 0) parts.push(`${paint.bold('tools')}     ${view.tools.join(', ')}`)
  if (view.system.length > 0) parts.push(renderTurn({ role: 'system', blocks: view.system }, paint))
  for (const turn of view.turns) parts.push(renderTurn(turn, paint))
  return parts.join('\n\n')
}

function renderResponse(record: LogRecord, paint: Paint): string {
  if (!isObject(record.response)) return paint.dim(record.error ? '(no response: the request failed)' : '(not recorded)')
  // Not a completion or a message (count_tokens answers `{input_tokens}`): show it as it is.
  if (!('choices' in record.response) && !('content' in record.response)) return indent(JSON.stringify(record.response, null, 2))
  const view = responseView(record, record.response)
  const stop = view.stop ? paint.dim(`stop: ${view.stop}`) : ''
  return renderTurn(view.turn, paint, `assistant${stop ? `  ${stop}` : ''}`)
}

function usageLine(record: LogRecord): string {
  const u = record.usage
  if (!u) return '-'
  const extras = [
    u.cacheRead ? `cache read ${u.cacheRead}` : '',
    u.cacheWrite ? `cache write ${u.cacheWrite}` : '',
    u.reasoning ? `reasoning ${u.reasoning}` : '',
  ].filter(Boolean)
  return `${u.input} in, ${u.output} out${extras.length ? ` (${extras.join(', ')})` : ''}`
}

function attemptLines(record: LogRecord, paint: Paint): string[] {
  if (record.attempts.length === 0) return []
  return record.attempts.map((a, i) => {
    const status = a.status >= 400 || a.error ? paint.red(String(a.status)) : paint.green(String(a.status))
    return `${i + 1}. ${a.provider}/${a.providerModel}  ${status}  ${formatMs(a.latencyMs)}${a.error ? `  ${a.error}` : ''}`
  })
}

function header(record: LogRecord, paint: Paint): string {
  const field = (label: string, value: string) => `${paint.bold(label.padEnd(9))} ${value}`
  const lines = [
    `${paint.cyan(record.id)}  ${paint.dim(formatTime(record.time))}`,
    field('endpoint', `${record.endpoint} (${record.format}${record.stream ? ', stream' : ''}${record.origin === 'cli' ? ', from the CLI' : ''})`),
    field('route', routeLabel(record)),
    field('status', `${statusLabel(record, paint)}  latency ${formatMs(record.latencyMs)}  ttft ${formatMs(record.ttftMs)}`),
    field('usage', usageLine(record)),
    field('cost', formatCost(record.costUsd)),
  ]
  const attempts = attemptLines(record, paint)
  if (attempts.length > 1 || (attempts.length === 1 && record.attempts[0].error)) {
    lines.push(field('attempts', attempts[0]), ...attempts.slice(1).map((line) => ' '.repeat(10) + line))
  }
  if (record.error) lines.push(field('error', paint.red(`${record.error.type}: ${record.error.message}`)))
  if (record.client) lines.push(field('client', record.client))
  return lines.join('\n')
}

export function formatRecord(record: LogRecord, paint: Paint): string {
  const rule = (title: string) => paint.dim(`── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`)
  return [header(record, paint), '', rule('request'), renderRequest(record, paint), '', rule('response'), renderResponse(record, paint)].join('\n')
}
