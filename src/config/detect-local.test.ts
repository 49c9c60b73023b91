import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { closedPort } from '../../test/support/closed-port.js'
import { detectLocalServers, LOCAL_SERVERS } from './detect-local.js'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections() // a hanging request must not keep it open
          server.close(resolve)
        }),
    ),
  )
})

/** A local server answering GET /v1/models with `handler`; resolves with its /v1 base URL. */
async function local(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
}


describe('detectLocalServers', () => {
  it('asks the Ollama, LM Studio and vLLM addresses by default', () => {
    expect(LOCAL_SERVERS.map((s) => s.name)).toEqual(['ollama', 'lmstudio', 'vllm'])
    expect(LOCAL_SERVERS[0].baseURL).toBe('http://127.0.0.1:11434/v1')
  })

  it('finds the servers whose /models answers with an OpenAI-style list, and only those', async () => {
    const listing = await local((req, res) => {
      res.writeHead(req.url === '/v1/models' ? 200 : 404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'llama3.2', object: 'model' }] }))
    })
    const notFound = await local((_req, res) => {
      res.writeHead(404)
      res.end()
    })
    const html = await local((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>a web app</html>')
    })
    const found = await detectLocalServers([
      { name: 'ollama', baseURL: listing },
      { name: 'lmstudio', baseURL: notFound },
      { name: 'vllm', baseURL: html },
      { name: 'other', baseURL: `http://127.0.0.1:${await closedPort()}/v1` },
    ])
    expect(found).toEqual(['ollama'])
  })

  it('gives up on a server that does not answer in time', async () => {
    const hanging = await local(() => {})
    const started = performance.now()
    expect(await detectLocalServers([{ name: 'ollama', baseURL: hanging }], 100)).toEqual([])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
