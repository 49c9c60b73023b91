/**
 * Concurrent streaming clients. Each opens one streamed request and reads it to the end,
 * splitting the SSE body into events as they arrive. A content event carries the upstream's
 * write time (`…@<µs>`, see upstream-child.js); its delay is arrival minus that, on the
 * system-wide monotonic clock, so direct and gateway paths are measured the same way.
 */
import { Agent, request } from 'node:http'

const STAMP = /(?:Fast|token(\d+))@(\d+)"/
const nowMicros = () => Number(process.hrtime.bigint() / 1000n)

function oneStream(agent, target, result) {
  return new Promise((resolve) => {
    const url = new URL(target.path, target.url)
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } }, (res) => {
      if (res.statusCode !== 200) result.errors.push(`HTTP ${res.statusCode}`)
      res.setEncoding('utf8')
      let buffer = ''
      let content = 0
      let events = 0
      res.on('data', (text) => {
        const now = nowMicros()
        buffer += text
        let inThisRead = 0
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          events++
          const stamp = STAMP.exec(event)
          if (!stamp) continue
          const index = stamp[1] === undefined ? 0 : Number(stamp[1])
          if (index !== content) result.outOfOrder++
          content++
          inThisRead++
          result.delays.push(now - Number(stamp[2]))
        }
        if (inThisRead > 1) result.coalescedReads++
        if (inThisRead > 0) result.contentReads++
      })
      res.on('end', () => {
        result.events += events
        result.content += content
        result.perStream.push(content)
        resolve()
      })
      res.on('error', (error) => {
        result.errors.push(error.message)
        resolve()
      })
    })
    req.on('error', (error) => {
      result.errors.push(error.message)
      resolve()
    })
    req.end(target.body)
  })
}

/**
 * Run `clients` streams at once against `target` ({ url, path, headers, body }).
 * `spreadMs` spreads their starts evenly over that many milliseconds (all still run
 * together): independent clients are not phase-locked, whereas streams started in
 * the same instant from a fake pacing them all alike deliver their chunks in bursts
 * of `clients` at a time. Returns delays (µs, one per content event), event counts
 * and the wall time.
 */
export async function streamLoad(target, clients, { onTick, spreadMs = 0 } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity })
  const result = { delays: [], events: 0, content: 0, perStream: [], outOfOrder: 0, coalescedReads: 0, contentReads: 0, errors: [], wallMs: 0 }
  const started = performance.now()
  const tick = onTick ? setInterval(onTick, 50) : undefined
  const startAt = (i) => (spreadMs > 0 ? new Promise((resolve) => setTimeout(resolve, (i * spreadMs) / clients)) : undefined)
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    await startAt(i)
    return oneStream(agent, target, result)
  }))
  if (tick) clearInterval(tick)
  result.wallMs = performance.now() - started
  agent.destroy()
  return result
}
