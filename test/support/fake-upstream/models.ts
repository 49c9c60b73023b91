/** The model-list bodies of the three APIs, in their real shapes. */
import type { Provider } from './types.js'

export const DEFAULT_MODELS: Record<Provider, string[]> = {
  openai: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-nano', 'gpt-5-nano', 'o4-mini'],
  anthropic: ['claude-sonnet-4-5-20250929', 'claude-opus-4-1-20250805', 'claude-haiku-4-5-20251001', 'claude-3-5-haiku-20241022'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-3-pro-preview', 'gemini-2.0-flash'],
}

const titleCase = (id: string) =>
  id
    .replace(/-\d{8}$/, '')
    .split('-')
    .map((w) => (/^\d/.test(w) ? w : w[0].toUpperCase() + w.slice(1)))
    .join(' ')

export function openaiModelList(ids: string[]) {
  return { object: 'list', data: ids.map((id, i) => ({ id, object: 'model', created: 1_715_367_049 + i * 86_400, owned_by: 'system' })) }
}

export function anthropicModelList(ids: string[]) {
  const data = ids.map((id) => {
    const date = /-(\d{4})(\d{2})(\d{2})$/.exec(id)
    return {
      type: 'model',
      id,
      display_name: titleCase(id).replace(/(\d) (\d)/g, '$1.$2'),
      created_at: date ? `${date[1]}-${date[2]}-${date[3]}T00:00:00Z` : '2025-01-01T00:00:00Z',
    }
  })
  return { data, has_more: false, first_id: ids[0] ?? null, last_id: ids[ids.length - 1] ?? null }
}

export function geminiModelList(ids: string[]) {
  return {
    models: ids.map((id) => ({
      name: `models/${id}`,
      version: '001',
      displayName: titleCase(id),
      description: `Fake ${id}`,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
      thinking: /2\.5|3/.test(id),
    })),
  }
}
