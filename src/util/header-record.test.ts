import { describe, expect, it } from 'vitest'
import { headerRecord } from './header-record.js'

describe('headerRecord', () => {
  it('keeps single values, joins repeated ones with ", " and drops missing ones', () => {
    expect(headerRecord({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-none': undefined })).toEqual({
      'content-type': 'application/json',
      'set-cookie': 'a=1, b=2',
    })
  })
})
