import { describe, expect, it } from 'vitest'
import { findModelSpan, rewriteModel } from './rewrite-model.js'

describe('rewriteModel', () => {
  const cases: Array<[string, string, string]> = [
    ['{"model":"openai/gpt-4o","messages":[]}', 'gpt-4o', '{"model":"gpt-4o","messages":[]}'],
    [
      '{\n  "messages": [{"role":"user","content":"the \\"model\\": x"}],\n  "model" : "a/b",\n  "x": 1.50\n}',
      'b',
      '{\n  "messages": [{"role":"user","content":"the \\"model\\": x"}],\n  "model" : "b",\n  "x": 1.50\n}',
    ],
    ['{"metadata":{"model":"keep"},"model":"p/m"}', 'm', '{"metadata":{"model":"keep"},"model":"m"}'],
    ['{"tools":[{"model":"keep"}],"model":"p/m\\u00e9"}', 'mé', '{"tools":[{"model":"keep"}],"model":"mé"}'],
  ]
  it.each(cases)('rewrites only the top-level model in %s', (raw, model, expected) => {
    expect(rewriteModel(raw, JSON.parse(raw), model)).toBe(expected)
  })

  it('returns the raw text untouched when the model is unchanged', () => {
    const raw = '{ "model": "gpt-4o" , "n": 1e0 }'
    expect(rewriteModel(raw, JSON.parse(raw), 'gpt-4o')).toBe(raw)
  })

  it('finds no span when the top-level model is not a string', () => {
    expect(findModelSpan('{"model": 5}')).toBeUndefined()
    expect(findModelSpan('{"a":{"model":"x"}}')).toBeUndefined()
  })
})
