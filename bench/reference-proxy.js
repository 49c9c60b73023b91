/**
 * Child process: the least a Node.js proxy can do per request — node:http in, undici's
 * Agent out (dispatch, keep-alive pool), the whole body collected, headers copied, no
 * routing, no validation, no log. Its throughput is the ceiling any Node.js gateway could
 * reach on this machine, shown beside the gateway's for context.
 *
 * argv[2]: upstream origin. Sends { url } over IPC once listening; `cpu` is answered by the
 * gateway's own probe, preloaded (gateway-probe.js).
 */
import { createServer } from 'node:http'
import { Agent } from 'undici'

const origin = process.argv[2]
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 256 })

const server = createServer((req, res) => {
  const body = []
  req.on('data', (chunk) => body.push(chunk))
  req.on('end', () => {
    const chunks = []
    let status = 502
    let headers = {}
    agent.dispatch(
      { origin, path: req.url, method: 'POST', headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body: Buffer.concat(body) },
      {
        onRequestStart() {},
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode
          headers = { 'content-type': responseHeaders['content-type'] ?? 'application/json' }
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk)
        },
        onResponseEnd() {
          res.writeHead(status, headers)
          res.end(Buffer.concat(chunks))
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
