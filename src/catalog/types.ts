/**
 * The built-in model catalogue: what each well-known model is, who serves it
 * under which id, its limits, capabilities and list prices. Pure data types;
 * the figures live in ./data/<owner>.ts.
 */
import type { WireFormatName } from '../ir/types.js'

/**
 * How far a figure can be trusted.
 * - `official`: read from the provider's own pricing or model page.
 * - `secondary`: agreed by several independent sources or a provider-authored
 *   repository, but not read on the pricing page itself.
 * - `unverified`: a single or conflicting source; treat it as an estimate.
 */
export type Confidence = 'official' | 'secondary' | 'unverified'

/** Where a model is in its provider's lifecycle (as of the catalogue date). */
export type ModelStatus = 'current' | 'preview' | 'legacy' | 'deprecated' | 'retired'

/** Who made the model (not who hosts it). */
export type ModelOwner =
  | 'anthropic'
  | 'openai'
  | 'google'
  | 'xai'
  | 'deepseek'
  | 'mistral'
  | 'meta'
  | 'moonshot'
  | 'alibaba'
  | 'zhipu'

/** Prices that replace the base ones once the prompt is longer than a threshold. */
export interface LongContextPrice {
  /** The tier applies when input + cache-read + cache-write tokens exceed this. */
  aboveInputTokens: number
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
}

/**
 * USD per million tokens. `cacheRead` / `cacheWrite` are absent where the
 * provider has no such charge; such tokens are then billed at `input`.
 * Anthropic's `cacheWrite` is the 5-minute rate (1-hour writes cost more and
 * the IR usage does not tell them apart).
 */
export interface Price {
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
  longContext?: LongContextPrice
  /** The date the figure was last seen on its source (YYYY-MM-DD). */
  pricedAt: string
  /** The provider's public pricing page. */
  source: string
  confidence: Confidence
  note?: string
}

export interface Capabilities {
  /** Function / tool calling. */
  tools: boolean
  /** Image input. */
  vision: boolean
  /** Produces reasoning (thinking) tokens. */
  reasoning: boolean
  /** Prompt caching with discounted cache reads. */
  caching: boolean
  /** Native JSON mode or JSON-schema output. */
  json: boolean
}

/** One way to reach a model: a preset provider and the id it knows it by. */
export interface Offer {
  /** Preset name (src/providers/presets.ts). */
  preset: string
  /** Wire format that preset speaks. */
  kind: WireFormatName
  /** Provider-side model id to send upstream. */
  model: string
  /** null: not priced in this catalogue (e.g. OpenRouter's price varies by upstream). */
  price: Price | null
  /** The model owner's own API (any provider of this kind may serve the id, e.g. a proxy). */
  firstParty?: boolean
  /** Host-specific limits, when they differ from the model's. */
  contextWindow?: number
  maxOutputTokens?: number
  note?: string
}

export interface CatalogModel {
  /** Canonical name: the owner's API id, or a neutral name for open-weight models. */
  id: string
  /** Other names for the same model: dated snapshots, short and `-latest` names. */
  aliases: readonly string[]
  family: string
  owner: ModelOwner
  status: ModelStatus
  /** Input + output tokens the model accepts. */
  contextWindow: number
  /** Largest output (including reasoning) in one response. */
  maxOutputTokens: number
  capabilities: Capabilities
  /** Trust in the limits and capabilities above. */
  confidence: Confidence
  /** Who serves it, preferred first (the owner's API leads when there is one). */
  offers: readonly Offer[]
  /** OpenAI serves it only on the Responses API, which the `openai` wire (Chat Completions) cannot reach. */
  responsesOnly?: boolean
  /** For retired or deprecated models: the id the provider recommends instead. */
  replacedBy?: string
  note?: string
}

/** A model and one offer of it: what routing needs to build a target. */
export interface Serving {
  model: CatalogModel
  offer: Offer
}
