/**
 * JSON Schema -> the OpenAPI 3.0 subset Gemini's `Schema` accepts (tool
 * parameters and `responseSchema`). Gemini rejects unknown keywords with a 400,
 * so this keeps only the documented fields (ai.google.dev/api/caching#Schema):
 * type, format, title, description, nullable, enum, properties, required,
 * items, anyOf, default, min/max(imum|Length|Items|Properties), pattern
 * (each constraint only on the type it applies to).
 *
 * - `$ref` (into `$defs` / `definitions` / `#`) is inlined; a reference that
 *   recurses into itself is cut to a bare object of the target's type.
 * - `allOf` is merged; `oneOf` becomes `anyOf`; `{type:'null'}` members and
 *   `type: [x, 'null']` become `nullable: true`.
 * - `const` becomes a one-value `enum`. Gemini enums hold strings only, so
 *   non-string enums move into the description instead of changing the type.
 * - `format` stays only where Gemini documents it (string: enum, date-time;
 *   number: float, double; integer: int32, int64).
 * - `properties`/`required` stay only on objects, `items` only on arrays, and
 *   `required` only names declared properties (Gemini 400s otherwise).
 */
import type { GeminiSchema } from './wire-types.js'

type JsonSchema = Record<string, unknown>

/** Keywords copied unchanged whatever the type. */
const COMMON_KEYWORDS = ['title', 'description', 'default'] as const

/** Keywords copied unchanged, only for the type they constrain. */
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum'],
  integer: ['minimum', 'maximum'],
  array: ['minItems', 'maxItems'],
  object: ['minProperties', 'maxProperties'],
}

const ALLOWED_FORMATS: Record<string, readonly string[]> = {
  string: ['enum', 'date-time'],
  number: ['float', 'double'],
  integer: ['int32', 'int64'],
}

const MAX_DEPTH = 48

interface Context {
  root: JsonSchema
  /** `$ref`s being expanded on the current path (cycle guard). */
  expanding: string[]
  depth: number
}

/** Clean any JSON Schema for Gemini (`responseSchema`, nested use). */
export function cleanSchema(schema: unknown): GeminiSchema {
  const root = isObject(schema) ? schema : {}
  return clean(root, { root, expanding: [], depth: 0 })
}

/**
 * Clean a tool's argument schema. Undefined when the tool takes no arguments:
 * Gemini rejects an OBJECT parameters schema with empty `properties`.
 */
export function cleanToolParameters(schema: unknown): GeminiSchema | undefined {
  const cleaned = cleanSchema(schema)
  if (cleaned.type === undefined && isObject(cleaned.properties)) cleaned.type = 'object'
  const properties = cleaned.properties
  if (cleaned.anyOf !== undefined) return cleaned
  if (!isObject(properties) || Object.keys(properties).length === 0) return undefined
  return cleaned
}

function clean(node: unknown, ctx: Context): GeminiSchema {
  if (!isObject(node)) return {}
  if (ctx.depth > MAX_DEPTH) return cutOff(node)
  const inner: Context = { ...ctx, depth: ctx.depth + 1 }
  if (typeof node.$ref === 'string') return inlineRef(node, node.$ref, inner)
  if (Array.isArray(node.allOf)) return mergeAllOf(node, node.allOf, inner)
  const union = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined
  if (union) return cleanUnion(node, union, inner)
  return cleanSingle(node, inner)
}

function inlineRef(node: JsonSchema, ref: string, ctx: Context): GeminiSchema {
  const { $ref: _ref, ...siblings } = node
  const target = resolvePointer(ctx.root, ref)
  if (target === undefined || ctx.expanding.includes(ref)) return cutOff({ ...(target ?? {}), ...siblings })
  const expanded = clean({ ...target, ...siblings }, { ...ctx, expanding: [...ctx.expanding, ref] })
  return expanded
}

/** A recursive (or unresolvable) reference: keep its type and words, drop its shape. */
function cutOff(node: JsonSchema): GeminiSchema {
  const out: GeminiSchema = {}
  const type = typeof node.type === 'string' && node.type !== 'null' ? node.type.toLowerCase() : 'object'
  out.type = type
  if (typeof node.description === 'string') out.description = node.description
  return out
}

function mergeAllOf(node: JsonSchema, members: unknown[], ctx: Context): GeminiSchema {
  const { allOf: _allOf, ...base } = node
  let merged = clean(base, ctx)
  for (const member of members) merged = mergeCleaned(merged, clean(member, ctx))
  return merged
}

/** Combine two cleaned schemas that must both hold (allOf): properties and required unite. */
function mergeCleaned(a: GeminiSchema, b: GeminiSchema): GeminiSchema {
  const out: GeminiSchema = { ...b, ...a }
  if (isObject(a.properties) || isObject(b.properties)) {
    out.properties = { ...(isObject(b.properties) ? b.properties : {}), ...(isObject(a.properties) ? a.properties : {}) }
    if (out.type === undefined) out.type = 'object'
  }
  const required = [...stringList(a.required), ...stringList(b.required)]
  if (required.length > 0) out.required = [...new Set(required)]
  return out
}

function cleanUnion(node: JsonSchema, members: unknown[], ctx: Context): GeminiSchema {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node
  const nonNull = members.filter((member) => !isNullSchema(member))
  const nullable = nonNull.length < members.length || typeIncludesNull(rest.type)
  let out: GeminiSchema
  if (nonNull.length === 1) {
    // `X | null` and single-member unions: flatten, the outer words win.
    const { type: _type, ...outerWords } = rest
    out = clean({ ...(isObject(nonNull[0]) ? nonNull[0] : {}), ...withoutUndefined(outerWords) }, ctx)
  } else {
    out = {}
    copyKeywords(rest, out, COMMON_KEYWORDS)
    out.anyOf = nonNull.map((member) => clean(member, ctx))
  }
  if (nullable) out.nullable = true
  return out
}

function cleanSingle(node: JsonSchema, ctx: Context): GeminiSchema {
  const out: GeminiSchema = {}
  const types = typeList(node.type)
  let nullable = typeIncludesNull(node.type) || node.nullable === true
  let description = typeof node.description === 'string' ? node.description : undefined

  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined
  let enumValues: string[] | undefined
  if (values) {
    if (values.includes(null)) nullable = true
    const present = values.filter((value) => value !== null)
    if (present.every((value) => typeof value === 'string')) {
      enumValues = present as string[]
      if (types.length === 0) types.push('string')
    } else {
      // Gemini enums are strings; keep the value's real type and tell the model in words.
      const allowed = `Allowed values: ${present.map((value) => JSON.stringify(value)).join(', ')}`
      description = description ? `${description} (${allowed})` : allowed
      if (types.length === 0) types.push(...inferValueTypes(present))
    }
  }

  if (types.length === 0) {
    if (isObject(node.properties)) types.push('object')
    else if (node.items !== undefined || Array.isArray(node.prefixItems)) types.push('array')
  }

  if (types.length > 1) {
    // `type: ['string', 'number']`: one branch per type, each with its own keywords.
    const { type: _type, description: _description, title: _title, nullable: _nullable, ...shape } = node
    out.anyOf = types.map((type) => clean({ ...shape, type }, ctx))
    if (description !== undefined) out.description = description
    if (typeof node.title === 'string') out.title = node.title
    if (nullable) out.nullable = true
    return out
  }

  const type = types[0]
  if (type !== undefined) out.type = type
  copyKeywords(node, out, COMMON_KEYWORDS)
  if (type !== undefined) copyKeywords(node, out, TYPE_KEYWORDS[type] ?? [])
  if (description !== undefined) out.description = description
  if (type !== undefined && typeof node.format === 'string' && ALLOWED_FORMATS[type]?.includes(node.format)) {
    out.format = node.format
  }
  if (enumValues) out.enum = enumValues
  if (type === 'object') addObjectShape(node, out, ctx)
  if (type === 'array') out.items = arrayItems(node, ctx)
  if (nullable) out.nullable = true
  return out
}

function addObjectShape(node: JsonSchema, out: GeminiSchema, ctx: Context): void {
  if (!isObject(node.properties)) return
  const properties: Record<string, GeminiSchema> = {}
  for (const [name, schema] of Object.entries(node.properties)) properties[name] = clean(schema, ctx)
  if (Object.keys(properties).length === 0) return
  out.properties = properties
  const required = stringList(node.required).filter((name) => name in properties)
  if (required.length > 0) out.required = required
}

/** Gemini has no tuples; a tuple becomes the union of its positions. Arrays need `items`. */
function arrayItems(node: JsonSchema, ctx: Context): GeminiSchema {
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined
  if (tuple) {
    const members = tuple.map((member) => clean(member, ctx))
    const distinct = [...new Map(members.map((member) => [JSON.stringify(member), member])).values()]
    if (distinct.length === 1) return distinct[0]
    if (distinct.length > 1) return { anyOf: distinct }
  } else if (isObject(node.items)) {
    return clean(node.items, ctx)
  }
  // Gemini rejects an ARRAY without items; a string element is the least surprising guess.
  return { type: 'string' }
}

function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (ref === '#') return root
  if (!ref.startsWith('#/')) return undefined
  let current: unknown = root
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(current) && !Array.isArray(current)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return isObject(current) ? current : undefined
}

function typeList(type: unknown): string[] {
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : []
  return [...new Set(list.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()))].filter(
    (t) => t !== 'null',
  )
}

function typeIncludesNull(type: unknown): boolean {
  return Array.isArray(type) ? type.some((t) => typeof t === 'string' && t.toLowerCase() === 'null') : false
}

function isNullSchema(schema: unknown): boolean {
  return isObject(schema) && typeof schema.type === 'string' && schema.type.toLowerCase() === 'null'
}

function inferValueTypes(values: unknown[]): string[] {
  const types = new Set<string>()
  for (const value of values) {
    if (typeof value === 'boolean') types.add('boolean')
    else if (typeof value === 'number') types.add(Number.isInteger(value) ? 'integer' : 'number')
    else if (typeof value === 'string') types.add('string')
  }
  if (types.has('integer') && types.has('number')) types.delete('integer')
  return [...types]
}

function copyKeywords(from: JsonSchema, to: GeminiSchema, keys: readonly string[]): void {
  for (const key of keys) if (from[key] !== undefined) to[key] = from[key]
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function withoutUndefined(record: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
