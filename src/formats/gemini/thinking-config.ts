/**
 * IR reasoning -> Gemini `generationConfig.thinkingConfig`.
 *
 * Effort table (budgets follow Google's own OpenAI-compatibility mapping of
 * reasoning_effort low/medium/high to 1K/8K/24K thinking tokens; `minimal` uses
 * 512, the smallest budget every 2.5 model accepts):
 *
 * | effort  | thinkingBudget | gemini-3 Pro level | gemini-3 Flash level |
 * |---------|----------------|--------------------|----------------------|
 * | minimal | 512            | low                | minimal              |
 * | low     | 1024           | low                | low                  |
 * | medium  | 8192           | high               | medium               |
 * | high    | 24576          | high               | high                 |
 *
 * Gemini 3 is steered by `thinkingLevel` (Pro knows only low/high); an explicit
 * token budget is still sent as `thinkingBudget`, which Gemini 3 accepts for
 * compatibility. `enabled: false` asks for the least thinking the model allows:
 * budget 0 where thinking can be turned off, 128 on 2.5 Pro (it cannot), the
 * lowest level on Gemini 3. Models without thinking (1.x, 2.0) get no config:
 * they would reject it.
 */
import type { ReasoningConfig, ReasoningEffort } from '../../ir/types.js'
import type { GeminiThinkingConfig } from './wire-types.js'

const EFFORT_BUDGET: Record<ReasoningEffort, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
}

type Level = NonNullable<GeminiThinkingConfig['thinkingLevel']>

const GEMINI3_PRO_LEVEL: Record<ReasoningEffort, Level> = { minimal: 'low', low: 'low', medium: 'high', high: 'high' }
const GEMINI3_FLASH_LEVEL: Record<ReasoningEffort, Level> = { minimal: 'minimal', low: 'low', medium: 'medium', high: 'high' }

/** Budget limits of the 2.5 family (ai.google.dev thinking docs). */
const BUDGET_RANGE = {
  pro: { min: 128, max: 32768 },
  flashLite: { min: 512, max: 24576 },
  flash: { min: 1, max: 24576 },
}

type Family = 'gemini3-pro' | 'gemini3-flash' | '2.5-pro' | '2.5-flash-lite' | '2.5-flash' | 'no-thinking' | 'other'

export function modelFamily(model: string): Family {
  const name = model.toLowerCase().replace(/^models\//, '')
  const gemini3 = /gemini-([3-9])/.test(name)
  if (gemini3) return name.includes('flash') ? 'gemini3-flash' : 'gemini3-pro'
  if (name.includes('gemini-2.5')) {
    if (name.includes('pro')) return '2.5-pro'
    if (name.includes('flash-lite')) return '2.5-flash-lite'
    return '2.5-flash'
  }
  if (/gemini-(1\.|2\.0)/.test(name) && !name.includes('thinking')) return 'no-thinking'
  return 'other'
}

export function isGemini3(model: string): boolean {
  const family = modelFamily(model)
  return family === 'gemini3-pro' || family === 'gemini3-flash'
}

export function thinkingConfigFor(reasoning: ReasoningConfig | undefined, model: string): GeminiThinkingConfig | undefined {
  if (!reasoning) return undefined
  const family = modelFamily(model)
  if (family === 'no-thinking') return undefined
  if (!reasoning.enabled) return disabledConfig(family)
  if (reasoning.budgetTokens !== undefined) {
    return { thinkingBudget: clampBudget(reasoning.budgetTokens, family), includeThoughts: true }
  }
  const effort = reasoning.effort
  // No effort named: the model's own default amount of thinking, made visible.
  if (!effort) return { includeThoughts: true }
  if (family === 'gemini3-pro') return { thinkingLevel: GEMINI3_PRO_LEVEL[effort], includeThoughts: true }
  if (family === 'gemini3-flash') return { thinkingLevel: GEMINI3_FLASH_LEVEL[effort], includeThoughts: true }
  return { thinkingBudget: clampBudget(EFFORT_BUDGET[effort], family), includeThoughts: true }
}

function disabledConfig(family: Family): GeminiThinkingConfig {
  switch (family) {
    case 'gemini3-pro':
      return { thinkingLevel: 'low' }
    case 'gemini3-flash':
      return { thinkingLevel: 'minimal' }
    case '2.5-pro':
      return { thinkingBudget: BUDGET_RANGE.pro.min }
    default:
      return { thinkingBudget: 0 }
  }
}

function clampBudget(budget: number, family: Family): number {
  const range =
    family === '2.5-pro' ? BUDGET_RANGE.pro : family === '2.5-flash-lite' ? BUDGET_RANGE.flashLite : family === '2.5-flash' ? BUDGET_RANGE.flash : undefined
  const whole = Math.max(0, Math.round(budget))
  return range ? Math.min(range.max, Math.max(range.min, whole)) : whole
}
