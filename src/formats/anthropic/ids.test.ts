import { describe, expect, it } from 'vitest'
import { anthropicMessageId, anthropicToolId } from './ids.js'

describe('anthropicMessageId', () => {
  it('keeps msg_ ids', () => {
    expect(anthropicMessageId('msg_01Hq7nW3YtKc2pVd9sLm4RbE')).toBe('msg_01Hq7nW3YtKc2pVd9sLm4RbE')
  })

  it.each(['chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG', '', undefined])('gives %j a fresh msg_ id', (id) => {
    const out = anthropicMessageId(id)
    expect(out).toMatch(/^msg_01[A-Za-z0-9]{22}$/)
    expect(anthropicMessageId(id)).not.toBe(out)
  })
})

describe('anthropicToolId', () => {
  it.each([
    ['toolu_01Ab3CdE5fGh7IjK9LmN1oPq', 'toolu_01Ab3CdE5fGh7IjK9LmN1oPq'],
    ['call_abc-123', 'call_abc-123'],
    ['functions.lookup:2', 'functions_lookup_2'],
    ['', 'toolu_empty'],
  ])('%j -> %j', (id, expected) => {
    expect(anthropicToolId(id)).toBe(expected)
  })
})
