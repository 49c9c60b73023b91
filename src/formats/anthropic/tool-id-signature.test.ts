import { describe, expect, it } from 'vitest'
import { idWithSignature, splitIdSignature } from './tool-id-signature.js'

const ANTHROPIC_ID = /^[a-zA-Z0-9_-]+$/

describe('Gemini signatures carried in tool_use ids', () => {
  const cases: Array<[string, string]> = [
    ['canonical padded base64 (what Gemini sends)', 'Eqo+Cqc+Ab4+9vtgONaaz6qwy6WXdp7gCd2w0X+Wz2gaBgY0Gv6A12JKo0y5vQwf9YQFyhMbKr1E9m17VT6HXd7jXzjaGYaE'],
    ['base64 with padding', 'c2lnbg=='],
    ['a non-base64 string', 'skip_thought_signature_validator'],
    ['text with symbols', 'sig: ünïcode / +='],
  ]

  it.each(cases)('%s round-trips and stays in the Anthropic id alphabet', (_name, signature) => {
    const carried = idWithSignature('call_abc_0', signature)
    expect(carried).toMatch(ANTHROPIC_ID)
    expect(carried.startsWith('call_abc_0__sig_')).toBe(true)
    expect(splitIdSignature(carried)).toEqual({ id: 'call_abc_0', signature })
  })

  it('canonical base64 rides as bytes: shorter than its text', () => {
    const signature = Buffer.alloc(300, 7).toString('base64')
    expect(idWithSignature('c', signature).length).toBeLessThan(signature.length + 10)
  })

  it.each([
    ['no signature', 'toolu_01A09q90qw90lq917835lq9'],
    ['marker at the start', '__sig_bAAAA'],
    ['empty payload', 'call_1__sig_b'],
    ['unknown tag', 'call_1__sig_xAAAA'],
  ])('%s: the id is left alone', (_name, id) => {
    expect(splitIdSignature(id)).toEqual({ id })
  })

  it('unsigned calls keep their ids', () => {
    expect(idWithSignature('call_1', undefined)).toBe('call_1')
    expect(idWithSignature('call_1', '')).toBe('call_1')
  })
})
