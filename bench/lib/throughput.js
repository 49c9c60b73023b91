/** Request throughput with autocannon (in this process; the servers each have their own). */
import autocannon from 'autocannon'

/** Run autocannon; `requests` are { path, headers, body } cycled per connection. */
export async function hammer(url, requests, { connections, duration, amount }) {
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    requests: requests.map((r) => ({ method: 'POST', path: r.path, headers: { 'content-type': 'application/json', ...r.headers }, body: r.body })),
  })
  const ok = result['2xx']
  const bad = result.non2xx + result.errors + result.timeouts
  return { rps: ok / (result.duration || duration), ok, bad, latencyP50: result.latency.p50, latencyP99: result.latency.p99, seconds: result.duration }
}
