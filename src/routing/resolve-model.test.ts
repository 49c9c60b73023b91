import { describe, expect, it } from 'vitest'
import { GatewayError } from '../ir/errors.js'
import { names, stubRouting } from '../../test/routing/stubs.js'
import { resolveModel, resolveTargets } from './resolve-model.js'

const KEYS = { apiKey: 'k' }

describe('provider/model', () => {
  const routing = stubRouting({ providers: { openai: KEYS, groq: KEYS, openrouter: KEYS, ollama: { baseURL: 'http://127.0.0.1:11434/v1' } } })

  it.each([
    ['openai/gpt-4o-mini', 'openai/gpt-4o-mini'],
    ['ollama/llama3.2:3b', 'ollama/llama3.2:3b'], // unknown to the catalogue: sent as written
    ['openrouter/anthropic/claude-sonnet-4.5', 'openrouter/anthropic/claude-sonnet-4.5'], // the first slash splits
    // a catalogue name pinned to a host that uses its own ids becomes that host's id
    ['groq/llama-3.3-70b-instruct', 'groq/llama-3.3-70b-versatile'],
    ['openrouter/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5'],
  ])('%s goes to %s', (name, expected) => {
    const targets = resolveModel(name, routing)
    expect(names(targets)).toEqual([expected])
    expect(targets[0].via).toBe('pinned')
  })
})

describe('bare names through the catalogue', () => {
  it.each([
    // the owner's API, by preset or — without one — by type
    [{ anthropic: KEYS }, 'claude-sonnet-4-5', ['anthropic/claude-sonnet-4-5']],
    [{ claude: { type: 'anthropic', baseURL: 'http://127.0.0.1:9000', apiKey: 'k' } }, 'claude-sonnet-4-5', ['claude/claude-sonnet-4-5']],
    [{ work: { type: 'anthropic', baseURL: 'http://127.0.0.1:9000', apiKey: 'k' } }, 'claude-sonnet-4-5', ['work/claude-sonnet-4-5']],
    // a dated snapshot and a -latest alias reach the id the catalogue sends
    [{ anthropic: KEYS }, 'claude-3-5-sonnet-latest', ['anthropic/claude-3-5-sonnet-20241022']],
    // every configured host, owner first, each with its own id
    [{ openrouter: KEYS, anthropic: KEYS }, 'claude-sonnet-4-5', ['anthropic/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5']],
    // a host's own id prefers that host
    [{ together: KEYS, groq: KEYS }, 'llama-3.3-70b-versatile', ['groq/llama-3.3-70b-versatile', 'together/meta-llama/Llama-3.3-70B-Instruct-Turbo']],
    [{ google: KEYS }, 'gemini-2.5-flash', ['google/gemini-2.5-flash']],
    [{ google: KEYS }, 'models/gemini-2.5-flash', ['google/gemini-2.5-flash']],
  ] as const)('%o: %s -> %o', (providers, name, expected) => {
    const targets = resolveModel(name, stubRouting({ providers }))
    expect(names(targets)).toEqual(expected)
    expect(targets.every((t) => t.via === 'catalog')).toBe(true)
  })

  it('does not send first-party ids to a preset host that does not serve them', () => {
    // groq is OpenAI-compatible but not OpenAI: gpt-4o is not its model
    expect(() => resolveModel('gpt-4o', stubRouting({ providers: { groq: KEYS } }))).toThrow(/served by openai, openrouter; configure one/)
  })

  it('routes retired models (providers often keep serving them) and keeps the catalogue entry for the headers', () => {
    const [target] = resolveModel('claude-3-5-sonnet-20241022', stubRouting({ providers: { anthropic: KEYS } }))
    expect(target.model).toBe('claude-3-5-sonnet-20241022')
    expect(target.catalog).toMatchObject({ status: 'retired', replacedBy: expect.any(String) })
  })

  it('skips OpenAI for Responses-only models, and says why when nothing else serves them', () => {
    const routing = stubRouting({ providers: { openai: KEYS } })
    expect(() => resolveModel('gpt-5.5-pro', routing)).toThrow(/only on its Responses API/)
    const both = stubRouting({ providers: { openai: KEYS, openrouter: KEYS } })
    expect(names(resolveModel('gpt-5.5-pro', both))).toEqual(['openrouter/openai/gpt-5.5-pro'])
  })

  it('adds providers that declare the name in their config, after the catalogue ones', () => {
    const routing = stubRouting({ providers: { groq: KEYS, local: { type: 'openai', baseURL: 'http://127.0.0.1:8000/v1', models: ['gpt-oss-20b', 'my-model'] } } })
    expect(names(resolveModel('gpt-oss-20b', routing))).toEqual(['groq/openai/gpt-oss-20b', 'local/gpt-oss-20b'])
    expect(names(resolveModel('my-model', routing))).toEqual(['local/my-model'])
  })

  it('sends the owner’s ids to a provider without a preset unless its own list says otherwise', async () => {
    const raw = { providers: { proxy: { type: 'openai', baseURL: 'http://127.0.0.1:4001/v1' } } }
    // no list to ask: the same wire format is the best guess (a proxy, a self-hosted endpoint)
    expect(names(resolveModel('gpt-4o', stubRouting(raw)))).toEqual(['proxy/gpt-4o'])
    const listing = stubRouting(raw, { proxy: { listModels: ['qwen3:8b'] } })
    await expect(resolveTargets('gpt-4o', listing)).rejects.toMatchObject({ status: 404 })
    const confirming = stubRouting(raw, { proxy: { listModels: ['gpt-4o'] } })
    expect(names(await resolveTargets('gpt-4o', confirming))).toEqual(['proxy/gpt-4o'])
  })

  it('answers the mock to `echo`', () => {
    expect(names(resolveModel('echo', stubRouting({ providers: { mock: { type: 'mock' } } })))).toEqual(['mock/echo'])
  })

  it('puts providers whose key variable is unset last', () => {
    const routing = stubRouting({ providers: { anthropic: {}, openrouter: KEYS } })
    expect(names(resolveModel('claude-sonnet-4-5', routing))).toEqual(['openrouter/anthropic/claude-sonnet-4.5', 'anthropic/claude-sonnet-4-5'])
  })
})

describe('aliases', () => {
  const providers = { anthropic: KEYS, openrouter: KEYS, mock: { type: 'mock' } }

  it('expands targets in order, recursively, into one chain without repeats', () => {
    const routing = stubRouting({
      providers,
      models: {
        smart: ['claude-sonnet-4-5', 'backup'],
        backup: { targets: ['openrouter/anthropic/claude-sonnet-4.5', 'mock/echo'] },
      },
    })
    expect(names(resolveModel('smart', routing))).toEqual(['anthropic/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5', 'mock/echo'])
  })

  it('lets an alias name itself to mean the model, and ends cycles there', () => {
    const routing = stubRouting({
      providers,
      models: {
        'claude-sonnet-4-5': ['mock/echo', 'claude-sonnet-4-5'],
        a: ['b', 'mock/echo'],
        b: ['a'],
      },
    })
    expect(names(resolveModel('claude-sonnet-4-5', routing))).toEqual(['mock/echo', 'anthropic/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5'])
    expect(names(resolveModel('a', routing))).toEqual(['mock/echo'])
  })

  it('skips dead targets, and is a 404 only when all are dead', () => {
    const routing = stubRouting({ providers, models: { partly: ['nope/x', 'mock/echo'], dead: ['nope/x', 'gone'] } })
    expect(names(resolveModel('partly', routing))).toEqual(['mock/echo'])
    expect(() => resolveModel('dead', routing)).toThrow(GatewayError)
  })

  it('treats an entry with only catalogue figures as no alias', () => {
    const routing = stubRouting({ providers, models: { 'claude-sonnet-4-5': { contextWindow: 1_000_000 } } })
    expect(names(resolveModel('claude-sonnet-4-5', routing))[0]).toBe('anthropic/claude-sonnet-4-5')
  })
})

describe('unknown names', () => {
  it('is a 404 naming the providers and how to list models', () => {
    const routing = stubRouting({ providers: { mock: { type: 'mock' } } })
    let error: GatewayError | undefined
    try {
      resolveModel('gpt-9000', routing)
    } catch (e) {
      error = e as GatewayError
    }
    expect(error).toMatchObject({ kind: 'not_found', status: 404, param: 'model', code: 'model_not_found' })
    expect(error?.message).toMatch(/`gpt-9000` is not routable.*providers: mock.*llm-gateway models.*GET \/v1\/models/)
  })
})

describe('providers own model lists', () => {
  it('finds names only a provider lists, waiting briefly for the first list', async () => {
    const routing = stubRouting(
      { providers: { ollama: { baseURL: 'http://127.0.0.1:11434/v1' } } },
      { ollama: { listModels: () => new Promise((resolve) => setTimeout(() => resolve(['qwen2.5-coder:7b', 'llama3.2:3b']), 30)) } },
    )
    const targets = await resolveTargets('qwen2.5-coder:7b', routing)
    expect(names(targets)).toEqual(['ollama/qwen2.5-coder:7b'])
    expect(targets[0].via).toBe('provider-list')
    // case-insensitive, and the provider's own spelling is what goes upstream
    expect(names(await resolveTargets('LLAMA3.2:3B', routing))).toEqual(['ollama/llama3.2:3b'])
    await expect(resolveTargets('nothing-lists-this', routing)).rejects.toMatchObject({ status: 404 })
    routing.close()
  })

  it('does not wait longer than waitMs for a slow list', async () => {
    const routing = stubRouting(
      { providers: { slow: { type: 'openai', baseURL: 'http://127.0.0.1:9/v1' } }, routing: { modelLists: { waitMs: 50 } } },
      { slow: { listModels: () => new Promise((resolve) => setTimeout(() => resolve(['late-model']), 2_000)) } },
    )
    const started = Date.now()
    await expect(resolveTargets('late-model', routing)).rejects.toMatchObject({ status: 404 })
    expect(Date.now() - started).toBeLessThan(1_000)
    routing.close()
  })
})
