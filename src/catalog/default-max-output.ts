/**
 * The max output to ask for when a client gave none and the wire format needs
 * one (Anthropic's required `max_tokens`).
 */
import { findModel } from './find-model.js'
import { offerFor } from './servings.js'

/** For models the catalogue does not know: every Claude model since Claude 3 allows this. */
export const FALLBACK_MAX_OUTPUT = 4_096

/**
 * Anthropic reserves output-tokens-per-minute quota for the whole `max_tokens`
 * up front, so asking for a model's full 128K by default would exhaust small
 * accounts' limits (and invite 10-minute non-streaming calls). 32K is what
 * Claude Code asks for by default.
 */
export const DEFAULT_MAX_OUTPUT_CAP = 32_000

/** min(the model's max output on that host, cap); FALLBACK_MAX_OUTPUT for unknown models. */
export function defaultMaxOutput(name: string, options: { preset?: string; cap?: number } = {}): number {
  const cap = options.cap ?? DEFAULT_MAX_OUTPUT_CAP
  const model = findModel(name)
  if (!model) return Math.min(FALLBACK_MAX_OUTPUT, cap)
  const offer = options.preset === undefined ? undefined : offerFor(model, { preset: options.preset })
  return Math.min(offer?.maxOutputTokens ?? model.maxOutputTokens, cap)
}
