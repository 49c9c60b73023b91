import { describe, expect, it } from 'vitest'
import { parseJsonPath, PartialArgsWriter } from './partial-args.js'
import type { GeminiPartialArg } from './wire-types.js'

function build(args: GeminiPartialArg[]): { pieces: string[]; json: string } {
  const writer = new PartialArgsWriter()
  const pieces = args.map((arg) => writer.write(arg))
  pieces.push(writer.finish())
  return { pieces, json: pieces.join('') }
}

describe('PartialArgsWriter', () => {
  const cases: Array<[string, GeminiPartialArg[], unknown]> = [
    ['no arguments', [], {}],
    ['one string in pieces', [
      { jsonPath: '$.q', stringValue: 'hel', willContinue: true },
      { jsonPath: '$.q', stringValue: 'lo', willContinue: true },
      { jsonPath: '$.q', stringValue: '' },
    ], { q: 'hello' }],
    ['a string left open is closed at the end', [{ jsonPath: '$.q', stringValue: 'cut', willContinue: true }], { q: 'cut' }],
    ['escapes quotes, backslashes and newlines', [{ jsonPath: '$.code', stringValue: 'print("a\\b")\n', willContinue: true }, { jsonPath: '$.code', stringValue: '' }], { code: 'print("a\\b")\n' }],
    ['scalars', [
      { jsonPath: '$.n', numberValue: 2.5 },
      { jsonPath: '$.ok', boolValue: true },
      { jsonPath: '$.none', nullValue: 'NULL_VALUE' },
    ], { n: 2.5, ok: true, none: null }],
    ['nested objects and arrays', [
      { jsonPath: '$.trip.from', stringValue: 'OSL' },
      { jsonPath: '$.trip.legs[0].to', stringValue: 'CPH' },
      { jsonPath: '$.trip.legs[1].to', stringValue: 'AMS' },
      { jsonPath: '$.tags[0]', stringValue: 'work' },
      { jsonPath: '$.tags[1]', stringValue: 'urgent' },
    ], { trip: { from: 'OSL', legs: [{ to: 'CPH' }, { to: 'AMS' }] }, tags: ['work', 'urgent'] }],
    ['bracketed keys', [{ jsonPath: "$['first name']", stringValue: 'Ada' }, { jsonPath: '$["x.y"]', numberValue: 1 }], { 'first name': 'Ada', 'x.y': 1 }],
  ]

  it.each(cases)('%s', (_name, args, expected) => {
    expect(JSON.parse(build(args).json)).toEqual(expected)
  })

  it('emits text as it goes, not all at the end', () => {
    const { pieces } = build([
      { jsonPath: '$.city', stringValue: 'San', willContinue: true },
      { jsonPath: '$.city', stringValue: ' Francisco', willContinue: true },
      { jsonPath: '$.city', stringValue: '' },
    ])
    expect(pieces).toEqual(['{"city":"San', ' Francisco', '"', '}'])
  })

  it('ignores arguments without a readable path', () => {
    expect(JSON.parse(build([{ stringValue: 'x' }, { jsonPath: 'city', stringValue: 'y' }, { jsonPath: '$.a', numberValue: 1 }]).json)).toEqual({ a: 1 })
  })
})

describe('parseJsonPath', () => {
  it.each([
    ['$.a.b', ['a', 'b']],
    ['$.items[2].name', ['items', 2, 'name']],
    ["$['a b'][0]", ['a b', 0]],
    ['$', []],
    ['a.b', undefined],
    ['$[x]', undefined],
  ] as const)('%s', (path, expected) => {
    expect(parseJsonPath(path)).toEqual(expected)
  })
})
