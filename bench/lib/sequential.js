/**
 * One client, one keep-alive connection, one request at a time: the latency a single user
 * sees, timed with the monotonic clock (autocannon rounds latencies to whole milliseconds).
 */
import { Agent, request } from 'node:http'

function once(agent, url, target) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } }, (res) => {
      res.resume()
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode} from ${url}`))
        else resolve(Number(process.hrtime.bigint() - started) / 1e6)
      })
    })
    req.on('error', reject)
    req.end(target.body)
  })
}

/** Latencies in ms of `count` sequential requests, after `warmup` untimed ones. */
export async function sequentialLatencies(target, count, warmup) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const url = new URL(target.path, target.url)
  for (let i = 0; i < warmup; i++) await once(agent, url, target)
  const latencies = []
  for (let i = 0; i < count; i++) latencies.push(await once(agent, url, target))
  agent.destroy()
  return latencies
}
