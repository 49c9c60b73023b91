/**
 * Child process: the least a Node.js streaming proxy can do per chunk — node:http in,
 * undici's Agent out (dispatch, keep-alive pool), each upstream chunk written to the client
 * the moment it arrives; no routing, no validation, no decoding, no log. Its added per-chunk
 * delay is the floor any Node.js gateway could reach on this machine, shown beside the
 * gateway's for context. `cpu` is answered by the gateway's own probe, preloaded
 * (gateway-probe.js).
 *
 * argv[2]: upstream origin. Sends { url } over IPC once listening.
 */
import { createServer } from 'node:http'
import { Agent } from 'undici'

const origin = process.argv[2]
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 256 })
const FORWARDED = ['content-type', 'authorization', 'x-api-key', 'anthropic-version']

const server = createServer((req, res) => {
  const body = []
  req.on('data', (chunk) => body.push(chunk))
  req.on('end', () => {
    const headers = {}
    for (const name of FORWARDED) if (req.headers[name] !== undefined) headers[name] = req.headers[name]
    agent.dispatch(
      { origin, path: req.url, method: 'POST', headers, body: Buffer.concat(body) },
      {
        onRequestStart() {},
        onResponseStart(_controller, status, responseHeaders) {
          res.writeHead(status, { 'content-type': responseHeaders['content-type'] ?? 'text/event-stream' })
        },
        onResponseData(_controller, chunk) {
          res.write(chunk)
        },
        onResponseEnd() {
          res.end()
        },
        onResponseError(_controller, error) {
          res.destroy(error)
        },
      },
    )
  })
})
server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }))
process.on('disconnect', () => process.exit(0))
