import { describe, expect, it } from 'vitest'
import { toolInputObject } from './tool-input.js'

describe('toolInputObject', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ['an object as is', { city: 'Paris' }, { city: 'Paris' }],
    ['a JSON string parsed', '{"city":"Paris"}', { city: 'Paris' }],
    ['an empty string is no arguments', '  ', {}],
    ['undefined is no arguments', undefined, {}],
    ['broken JSON kept as text', '{"city": "Par', { input: '{"city": "Par' }],
    ['a JSON array wrapped', '[1,2]', { input: [1, 2] }],
    ['a number wrapped', 3, { input: 3 }],
  ])('%s', (_name, input, expected) => {
    expect(toolInputObject(input)).toEqual(expected)
  })
})
