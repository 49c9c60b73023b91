/**
 * Child process: the fake upstreams the benchmark talks to (test/support/fake-upstream
 * in fast mode, compiled to plain JS by lib/upstream.js). Every streamed content chunk
 * carries the moment it was written — `"Fast@<µs>"`, `" token7@<µs>"` on the system-wide
 * monotonic clock — so the client can tell how long that chunk took to reach it, directly
 * or through the gateway (passthrough relays it byte for byte; translation carries the text).
 *
 * argv[2]: folder of the compiled fake; argv[3]: JSON { name: FastOptions }.
 * Sends { urls: { name: url } } over IPC once listening; exits when the parent disconnects.
 */
import { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [, , compiledDir, specJson] = process.argv
const { startFakeUpstream } = await import(pathToFileURL(join(compiledDir, 'fake-upstream.js')).href)

// A content delta's text, as both OpenAI and Anthropic frames spell it.
const CONTENT = /"(Fast|\s?token\d+)"/
const write = ServerResponse.prototype.write
ServerResponse.prototype.write = function stampedWrite(chunk, ...rest) {
  if (Buffer.isBuffer(chunk)) {
    const text = chunk.toString('latin1')
    const match = CONTENT.exec(text)
    if (match) {
      const micros = process.hrtime.bigint() / 1000n
      const stamped = `${text.slice(0, match.index)}"${match[1]}@${micros}"${text.slice(match.index + match[0].length)}`
      return write.call(this, Buffer.from(stamped, 'latin1'), ...rest)
    }
  }
  return write.call(this, chunk, ...rest)
}

const fakes = {}
const urls = {}
for (const [name, fast] of Object.entries(JSON.parse(specJson))) {
  fakes[name] = await startFakeUpstream({ fast })
  urls[name] = fakes[name].url
}
process.send({ urls })
process.on('message', (message) => {
  if (message === 'counts') process.send({ counts: Object.fromEntries(Object.entries(fakes).map(([n, f]) => [n, f.requestCount])) })
})
process.on('disconnect', () => process.exit(0))
