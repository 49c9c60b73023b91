import { describe, expect, it } from 'vitest'
import { fixtureJson } from '../../../test/fixtures/gemini/load.js'
import { cleanSchema, cleanToolParameters } from './clean-schema.js'

/** Every key anywhere in a cleaned schema must be one Gemini's Schema documents. */
const GEMINI_SCHEMA_KEYS = new Set([
  'type', 'format', 'title', 'description', 'nullable', 'enum', 'properties', 'required', 'items', 'anyOf',
  'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems',
  'minProperties', 'maxProperties',
])

function unknownKeys(schema: unknown, path = '$'): string[] {
  if (typeof schema !== 'object' || schema === null) return []
  const found: string[] = []
  for (const [key, value] of Object.entries(schema)) {
    if (!GEMINI_SCHEMA_KEYS.has(key)) found.push(`${path}.${key}`)
    if (key === 'properties') for (const [name, sub] of Object.entries(value as object)) found.push(...unknownKeys(sub, `${path}.${name}`))
    if (key === 'items') found.push(...unknownKeys(value, `${path}[]`))
    if (key === 'anyOf') (value as unknown[]).forEach((sub, i) => found.push(...unknownKeys(sub, `${path}|${i}`)))
  }
  return found
}

const realWorld = [
  'zod-to-json-schema-weather',
  'zod-v4-union-recursive',
  'pydantic-v2-defs',
  'mcp-edit-file',
  'openapi-oneof-multitype',
]

describe('cleanToolParameters on real-world schemas', () => {
  it.each(realWorld)('%s keeps only keywords Gemini accepts', (name) => {
    const cleaned = cleanToolParameters(fixtureJson(`schemas/${name}.json`))
    expect(cleaned?.type).toBe('object')
    expect(unknownKeys(cleaned)).toEqual([])
  })

  it('zod-to-json-schema: drops $schema/additionalProperties/exclusiveMinimum and unsupported formats', () => {
    expect(cleanToolParameters(fixtureJson('schemas/zod-to-json-schema-weather.json'))).toEqual({
      type: 'object',
      properties: {
        location: { type: 'string', description: 'City and country, e.g. Paris, France' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'], default: 'celsius' },
        days: { type: 'integer', maximum: 14 },
        start: { type: 'string', format: 'date-time' },
        notify: { type: 'string' },
        hourly: { type: 'boolean' },
      },
      required: ['location', 'days'],
    })
  })

  it('pydantic v2: inlines $defs, flattens Optional[X] to nullable, merges allOf wrappers', () => {
    const cleaned = cleanToolParameters(fixtureJson('schemas/pydantic-v2-defs.json')) as Record<string, any>
    expect(cleaned.properties.address).toEqual({
      type: 'object',
      title: 'Address',
      description: 'Where they live',
      properties: {
        street: { type: 'string', title: 'Street' },
        zip: { type: 'string', title: 'Zip', default: null, pattern: '^[0-9]{5}$', nullable: true },
      },
      required: ['street'],
    })
    expect(cleaned.properties.role).toEqual({ type: 'string', title: 'Role', enum: ['admin', 'member'], default: 'member' })
    expect(cleaned.properties.level).toEqual({ type: 'integer', title: 'Level', description: 'Allowed values: 1, 2, 3' })
    expect(cleaned.properties.age).toEqual({ type: 'integer', title: 'Age', default: null, nullable: true })
    expect(cleaned.properties.scores).toEqual({ type: 'object', title: 'Scores' })
    expect(cleaned.required).toEqual(['name', 'address'])
  })

  it('zod v4: const becomes enum, discriminated unions stay anyOf, recursion is cut', () => {
    const cleaned = cleanToolParameters(fixtureJson('schemas/zod-v4-union-recursive.json')) as Record<string, any>
    expect(cleaned.properties.action.anyOf).toHaveLength(2)
    expect(cleaned.properties.action.anyOf[0].properties.kind).toEqual({ type: 'string', enum: ['move'] })
    expect(cleaned.properties.priority).toEqual({ type: 'integer', description: 'Allowed values: 2' })
    expect(cleaned.properties.note).toEqual({ type: 'string', maxLength: 200, nullable: true })
    expect(cleaned.properties.tree.properties.children).toEqual({ type: 'array', items: { type: 'object' } })
  })

  it('MCP tool: required names without a property are dropped, tuples and bare arrays get items', () => {
    const cleaned = cleanToolParameters(fixtureJson('schemas/mcp-edit-file.json')) as Record<string, any>
    expect(cleaned.properties.edits.items.required).toEqual(['oldText', 'newText'])
    expect(cleaned.properties.range).toEqual({ type: 'array', items: { type: 'integer' } })
    expect(cleaned.properties.options).toEqual({ type: 'object' })
  })

  it('self-reference through "#" expands once, then cuts', () => {
    const cleaned = cleanToolParameters(fixtureJson('schemas/openapi-oneof-multitype.json')) as Record<string, any>
    expect(cleaned.properties.node.type).toBe('object')
    expect(cleaned.properties.node.properties.node).toEqual({ type: 'object' })
    expect(cleaned.properties.missing).toEqual({ type: 'object' })
    expect(cleaned.required).toEqual(['id'])
  })
})

describe('cleanSchema keyword rules', () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['type [x, null] -> nullable', { type: ['integer', 'null'] }, { type: 'integer', nullable: true }],
    ['multi-type -> anyOf per type', { type: ['string', 'number'], description: 'd' }, { anyOf: [{ type: 'string' }, { type: 'number' }], description: 'd' }],
    ['oneOf -> anyOf', { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, { anyOf: [{ type: 'string' }, { type: 'boolean' }] }],
    ['anyOf with null member -> nullable anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] }, { anyOf: [{ type: 'string' }, { type: 'integer' }], nullable: true }],
    ['string const -> enum', { const: 'on' }, { type: 'string', enum: ['on'] }],
    ['boolean const -> described boolean', { const: true }, { type: 'boolean', description: 'Allowed values: true' }],
    ['enum with null -> nullable enum', { type: 'string', enum: ['a', null] }, { type: 'string', enum: ['a'], nullable: true }],
    ['uppercase Gemini type passes', { type: 'STRING' }, { type: 'string' }],
    ['format only where documented', { type: 'integer', format: 'int64' }, { type: 'integer', format: 'int64' }],
    ['unsupported string format dropped', { type: 'string', format: 'uuid' }, { type: 'string' }],
    ['string constraints stay on strings only', { type: 'number', minLength: 2, minimum: 1 }, { type: 'number', minimum: 1 }],
    ['infers object from properties', { properties: { a: { type: 'string' } } }, { type: 'object', properties: { a: { type: 'string' } } }],
    ['infers string from string enum', { enum: ['x', 'y'] }, { type: 'string', enum: ['x', 'y'] }],
    ['properties on a non-object are dropped', { type: 'string', properties: { a: {} }, required: ['a'] }, { type: 'string' }],
    ['drops $id/$comment/examples/not', { type: 'string', $id: 'x', $comment: 'c', examples: ['e'], not: { const: 'z' } }, { type: 'string' }],
  ]

  it.each(cases)('%s', (_name, input, expected) => {
    expect(cleanSchema(input)).toEqual(expected)
  })

  it('allOf members merge their properties and required lists', () => {
    const schema = {
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'], additionalProperties: false },
      ],
    }
    expect(cleanSchema(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
      required: ['a', 'b'],
    })
  })

  it('mutually recursive definitions terminate', () => {
    const schema = {
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: 'object', properties: { a: { $ref: '#/$defs/A' } } },
      },
      type: 'object',
      properties: { start: { $ref: '#/$defs/A' } },
    }
    expect(cleanSchema(schema)).toEqual({
      type: 'object',
      properties: { start: { type: 'object', properties: { b: { type: 'object', properties: { a: { type: 'object' } } } } } },
    })
  })
})

describe('cleanToolParameters for argument-less tools', () => {
  it.each([
    ['empty object', { type: 'object', properties: {} }],
    ['zod z.object({})', { type: 'object', properties: {}, additionalProperties: false, $schema: 'http://json-schema.org/draft-07/schema#' }],
    ['no schema at all', {}],
  ])('%s -> no parameters', (_name, schema) => {
    expect(cleanToolParameters(schema)).toBeUndefined()
  })
})
