#!/usr/bin/env node
/**
 * `npm run bench`: what the gateway itself costs, measured side by side with the direct
 * path (client straight to the upstream) in the same run, against fast fake upstreams on
 * loopback. Three processes: this one (load generator and clients), the fake upstreams,
 * and the gateway (`llm-gateway serve` from dist/, traffic log on, into a temporary folder).
 * Prints every figure against its target and rewrites bench/RESULTS.md.
 *
 * Options: --quick (short runs, for iterating; RESULTS.md is not written), --only a,b
 * (phases: startup, requests, latency, streams, throughput, memory), --cpu-prof DIR
 * (profile the gateway process into DIR), --no-write.
 * Exit code 1 when a target is missed.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resetPeakRss, rssOf, startGateway, writeConfig } from './lib/gateway.js'
import { machine } from './lib/machine.js'
import { ask, firstMessage, forkChild, raisePriority, stop } from './lib/processes.js'
import { writeResults } from './lib/report.js'
import { chatRequest } from './lib/requests.js'
import { median, percentile } from './lib/stats.js'
import { serveTimes, versionTimes } from './lib/startup.js'
import { streamLoad } from './lib/stream-load.js'
import { hammer } from './lib/throughput.js'
import { sequentialLatencies } from './lib/sequential.js'
import { compileFakeUpstream, startUpstreams } from './lib/upstream.js'

const here = dirname(fileURLToPath(import.meta.url))
const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const option = (name) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined)
const quick = flag('quick')
const only = option('only')?.split(',')
const runs = (phase) => !only || only.includes(phase)

/** Sizes of every run; --quick shrinks them for iterating (figures are then rougher). */
const SIZE = {
  requestSeconds: quick ? 3 : 10,
  connections: 50,
  sequential: quick ? 1000 : 4000,
  streamClients: 100,
  chunks: 200,
  pacedIntervalMs: 10,
  delayRounds: quick ? 1 : 3,
  rapidIntervalMs: 1,
  throughputRounds: quick ? 1 : 3,
  slowStreams: 500,
  slowChunks: 60,
  slowIntervalMs: 50,
  growthRequests: quick ? 5000 : 20_000,
}

/** The fake upstreams (one process, several ports), each answering in fast mode. */
const FAKES = {
  json: { chunks: SIZE.chunks, intervalMs: 0 }, // whole bodies in one write
  paced: { chunks: SIZE.chunks, intervalMs: SIZE.pacedIntervalMs }, // per-chunk delay
  rapid: { chunks: SIZE.chunks, intervalMs: SIZE.rapidIntervalMs }, // chunk throughput
  slow: { chunks: SIZE.slowChunks, intervalMs: SIZE.slowIntervalMs }, // many long-lived streams
}

const rows = []
let prioritisedRun = false
function row(section, name, values) {
  const entry = { section, name, ...values }
  rows.push(entry)
  const mark = entry.pass === undefined ? '    ' : entry.pass ? 'PASS' : 'FAIL'
  const parts = [entry.direct !== undefined && `direct ${entry.direct}`, entry.gateway !== undefined && `gateway ${entry.gateway}`].filter(Boolean)
  console.log(`  ${mark}  ${name}: ${entry.figure}${entry.target ? `  (target ${entry.target})` : ''}${parts.length ? `  [${parts.join(', ')}]` : ''}`)
  if (entry.detail) console.log(`          ${entry.detail}`)
}
const fmt = (value, unit, digits = 2) => `${Number(value).toFixed(digits)} ${unit}`
const MB = 2 ** 20

async function main() {
  const started = performance.now()
  const loadBefore = loadavg()[0]
  const work = await mkdtemp(join(tmpdir(), 'llm-gateway-bench-'))
  const logDir = join(work, 'logs')
  const children = []
  const prioritised = raisePriority()
  prioritisedRun = prioritised
  if (!prioritised) console.log('(could not raise the benchmark\'s priority: other work on the machine may show in the figures)')
  try {
    console.log('compiling the fake upstream ...')
    const compiled = await compileFakeUpstream()
    const upstream = await startUpstreams(compiled, FAKES)
    children.push(upstream.child)
    if (prioritised) raisePriority(upstream.child.pid)
    const configFile = writeConfig(work, upstream.urls, logDir)

    if (runs('startup')) await startup(configFile)

    const nodeArgs = option('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', option('cpu-prof')] : []
    const gateway = await startGateway(configFile, { nodeArgs })
    children.push(gateway.child)
    if (prioritised) raisePriority(gateway.child.pid)
    const ctx = { urls: upstream.urls, via: gateway.url, gateway }

    if (runs('requests')) await requestThroughput(ctx)
    if (runs('latency')) await sequentialLatency(ctx)
    if (runs('streams')) await streamDelays(ctx)
    if (runs('throughput')) await streamThroughput(ctx)
    if (runs('memory')) {
      // Peak memory at 500 streams is a property of the gateway, not of the 100,000 requests it served above.
      if (rows.length > 0) {
        const used = rssOf(gateway.child.pid)
        row('Memory', 'RSS of the gateway that served every phase above (informational)', { figure: fmt(used.rss / MB, 'MB', 0), detail: `peak ${(used.peak / MB).toFixed(0)} MB` })
      }
      await stop(gateway.child)
      const fresh = await startGateway(configFile, { nodeArgs })
      children.push(fresh.child)
      if (prioritised) raisePriority(fresh.child.pid)
      await memory({ ...ctx, via: fresh.url, gateway: fresh })
    }

    const logged = await countLogged(logDir)
    console.log(`\ntraffic log: ${logged} records written to ${logDir}`)
    const failed = rows.filter((r) => r.pass === false)
    const seconds = (performance.now() - started) / 1000
    console.log(`\n${failed.length === 0 ? 'all targets met' : `${failed.length} target(s) missed: ${failed.map((r) => r.name).join('; ')}`} (${seconds.toFixed(0)} s)`)
    if (!quick && !only && !flag('no-write')) {
      const file = await writeResults(join(here, 'RESULTS.md'), { machine: machine(), rows, logged, seconds, size: SIZE, prioritised, load: [loadBefore, loadavg()[0]] })
      console.log(`wrote ${file}`)
    }
    process.exitCode = failed.length === 0 ? 0 : 1
    await rm(compiled, { recursive: true, force: true })
  } finally {
    for (const child of children.reverse()) await stop(child)
    await rm(work, { recursive: true, force: true })
  }
}

async function startup(configFile) {
  console.log('\nstart-up')
  const version = await versionTimes(quick ? 3 : 7)
  row('Start-up', '`llm-gateway --version`', { figure: fmt(median(version), 'ms', 0), target: '<= 250 ms', pass: median(version) <= 250, detail: `median of ${version.length}` })
  const serve = await serveTimes(configFile, quick ? 2 : 5)
  row('Start-up', '`llm-gateway serve` until /health answers', { figure: fmt(median(serve), 'ms', 0), target: '<= 800 ms', pass: median(serve) <= 800, detail: `median of ${serve.length}` })
}

async function requestThroughput({ urls, via, gateway }) {
  console.log(`\nnon-streaming requests, ${SIZE.connections} connections, ${SIZE.requestSeconds} s each`)
  const direct = chatRequest({ client: 'openai', fake: 'json', urls, stream: false })
  const routed = chatRequest({ client: 'openai', fake: 'json', urls, via, stream: false })
  // Warm both servers up (JIT, connection pools) before timing.
  await hammer(via, [routed], { connections: SIZE.connections, duration: 2 })
  await hammer(urls.json, [direct], { connections: SIZE.connections, duration: 1 })
  const d = await hammer(urls.json, [direct], { connections: SIZE.connections, duration: SIZE.requestSeconds })
  const cpuBefore = await ask(gateway.child, 'cpu', 'cpu')
  const g = await hammer(via, [routed], { connections: SIZE.connections, duration: SIZE.requestSeconds })
  g.cpu = ((await ask(gateway.child, 'cpu', 'cpu')) - cpuBefore) / g.ok
  if (g.bad + d.bad > 0) console.log(`  errors: direct ${d.bad}, gateway ${g.bad}`)
  const ratio = g.rps / d.rps
  const reference = await referenceProxy(urls.json, direct)
  row('Non-streaming passthrough', `throughput, ${SIZE.connections} connections, traffic log on`, {
    direct: `${d.rps.toFixed(0)} req/s`,
    gateway: `${g.rps.toFixed(0)} req/s`,
    figure: `${(ratio * 100).toFixed(0)}% of direct`,
    target: '>= 60%',
    pass: ratio >= 0.6 && g.bad === 0,
    detail: `gateway CPU ${g.cpu.toFixed(0)} µs per request`,
  })
  row('Non-streaming passthrough', 'for context: a bare Node.js proxy (node:http + undici, no routing, no log), same load', {
    direct: `${d.rps.toFixed(0)} req/s`,
    gateway: `${reference.rps.toFixed(0)} req/s`,
    figure: `${((reference.rps / d.rps) * 100).toFixed(0)}% of direct`,
    detail: `informational: the most any Node.js gateway could reach here; its CPU ${reference.cpu.toFixed(0)} µs per request`,
  })
}

/** The reference proxies answer `cpu` over IPC through the same preload as the gateway. */
const PROBED = { execArgv: ['--import', join(here, 'gateway-probe.js')] }

/** The same load through bench/reference-proxy.js. */
async function referenceProxy(upstreamUrl, request) {
  const child = forkChild(join(here, 'reference-proxy.js'), [upstreamUrl], PROBED)
  try {
    const { url } = await firstMessage(child)
    if (prioritisedRun) raisePriority(child.pid)
    await hammer(url, [request], { connections: SIZE.connections, duration: 2 })
    const before = await ask(child, 'cpu', 'cpu')
    const result = await hammer(url, [request], { connections: SIZE.connections, duration: SIZE.requestSeconds })
    result.cpu = ((await ask(child, 'cpu', 'cpu')) - before) / result.ok
    return result
  } finally {
    await stop(child)
  }
}

async function sequentialLatency({ urls, via }) {
  console.log(`\nsequential latency, 1 connection, ${SIZE.sequential} requests each`)
  const direct = chatRequest({ client: 'openai', fake: 'json', urls, stream: false })
  const routed = chatRequest({ client: 'openai', fake: 'json', urls, via, stream: false })
  const warmup = Math.round(SIZE.sequential / 5)
  // Interleave halves so drift in the machine's state hits both paths alike.
  const d = [], g = []
  for (let i = 0; i < 2; i++) {
    d.push(...(await sequentialLatencies(direct, SIZE.sequential / 2, warmup)))
    g.push(...(await sequentialLatencies(routed, SIZE.sequential / 2, warmup)))
  }
  const added = median(g) - median(d)
  row('Non-streaming passthrough', 'added latency p50, sequential', {
    direct: fmt(median(d), 'ms', 3),
    gateway: fmt(median(g), 'ms', 3),
    figure: fmt(added, 'ms', 3),
    target: '<= 0.5 ms',
    pass: added <= 0.5,
    detail: `p99 direct ${percentile(d, 99).toFixed(3)} ms, gateway ${percentile(g, 99).toFixed(3)} ms`,
  })
}

/** The streaming cases: passthrough both ways, translation both ways. */
const STREAM_CASES = [
  { name: 'passthrough, OpenAI client -> OpenAI provider', client: 'openai', provider: 'openai' },
  { name: 'passthrough, Anthropic client -> Anthropic provider', client: 'anthropic', provider: 'anthropic' },
  { name: 'translated, Anthropic client -> OpenAI provider', client: 'anthropic', provider: 'openai' },
  { name: 'translated, OpenAI client -> Anthropic provider', client: 'openai', provider: 'anthropic' },
]

function checkStreams(result, clients, chunks) {
  const complete = result.perStream.filter((n) => n === chunks).length
  return { ok: result.errors.length === 0 && complete === clients && result.outOfOrder === 0, complete }
}

/**
 * Per-chunk delay p99 of `rounds` runs of `clients` streams, and the run whose p99 is
 * the median (so one burst of unrelated work on the machine does not decide the figure).
 */
async function medianRun(target, clients, rounds, options) {
  const runs = []
  for (let i = 0; i < rounds; i++) {
    const result = await streamLoad(target, clients, options)
    runs.push({ result, p99: percentile(result.delays, 99) / 1000 })
  }
  runs.sort((a, b) => a.p99 - b.p99)
  return { ...runs[Math.floor(runs.length / 2)], all: runs.map((r) => r.p99) }
}

async function streamDelays({ urls, via }) {
  const { streamClients: clients, chunks, pacedIntervalMs: interval, delayRounds: rounds } = SIZE
  console.log(`\nstreaming, ${clients} concurrent clients x ${chunks} chunks, one chunk every ${interval} ms, starts spread over the first ${interval} ms, median of ${rounds} runs`)
  // Warm-up: JIT the relay and translation paths, open pooled upstream connections.
  for (const c of STREAM_CASES) await streamLoad(chatRequest({ ...c, fake: 'rapid', urls, via, stream: true }), clients)
  const spread = { spreadMs: interval }
  const direct = {}
  for (const provider of ['openai', 'anthropic']) {
    direct[provider] = await medianRun(chatRequest({ client: provider, fake: 'paced', urls, stream: true }), clients, rounds, spread)
    console.log(`  direct ${provider}: per-chunk delay p50 ${(percentile(direct[provider].result.delays, 50) / 1000).toFixed(3)} ms, p99 ${direct[provider].p99.toFixed(3)} ms`)
  }
  for (const c of STREAM_CASES) {
    const { result, p99, all } = await medianRun(chatRequest({ ...c, fake: 'paced', urls, via, stream: true }), clients, rounds, spread)
    const added = p99 - direct[c.provider].p99
    const check = checkStreams(result, clients, chunks)
    row('Streaming', `added per-chunk delay p99, ${c.name}`, {
      direct: fmt(direct[c.provider].p99, 'ms', 3),
      gateway: fmt(p99, 'ms', 3),
      figure: fmt(added, 'ms', 3),
      target: '<= 2 ms',
      pass: added <= 2,
      detail: `gateway p50 ${(percentile(result.delays, 50) / 1000).toFixed(3)} ms, max ${(percentile(result.delays, 100) / 1000).toFixed(1)} ms; p99 of each run ${all.map((v) => v.toFixed(2)).join(', ')} ms`,
    })
    row('Streaming', `every chunk its own event, ${c.name}`, {
      figure: `${result.content}/${clients * chunks} chunks as events, ${check.complete}/${clients} streams complete, ${result.outOfOrder} out of order`,
      target: `${clients * chunks}/${clients * chunks}`,
      pass: check.ok,
      detail: result.errors.length ? `errors: ${[...new Set(result.errors)].join(', ')}` : `${result.events} SSE events in all`,
    })
  }
  await referenceStreamProxy(urls, direct.openai, clients, rounds, spread)
  // For the record: all streams started in the same instant, so the fake's timers fire in lockstep.
  const c = STREAM_CASES[0]
  const d = await medianRun(chatRequest({ ...c, fake: 'paced', urls, stream: true }), clients, 1)
  const g = await medianRun(chatRequest({ ...c, fake: 'paced', urls, via, stream: true }), clients, 1)
  row('Streaming', `lockstep (all ${clients} started at once, chunks arrive ${clients} at a time), ${c.name}: added per-chunk delay p99`, {
    direct: fmt(d.p99, 'ms', 3),
    gateway: fmt(g.p99, 'ms', 3),
    figure: fmt(g.p99 - d.p99, 'ms', 3),
    detail: 'informational: the last chunk of each burst waits for the gateway to relay the ones before it',
  })
}

/** The OpenAI passthrough case through bench/reference-stream-proxy.js: the floor for the added per-chunk delay. */
async function referenceStreamProxy(urls, direct, clients, rounds, spread) {
  const child = forkChild(join(here, 'reference-stream-proxy.js'), [urls.paced], PROBED)
  try {
    const { url } = await firstMessage(child)
    if (prioritisedRun) raisePriority(child.pid)
    const target = { ...chatRequest({ client: 'openai', fake: 'paced', urls, stream: true }), url }
    await streamLoad(target, clients)
    const before = await ask(child, 'cpu', 'cpu')
    const { result, p99, all } = await medianRun(target, clients, rounds, spread)
    const cpu = ((await ask(child, 'cpu', 'cpu')) - before) / (result.content * rounds)
    row('Streaming', 'for context: a bare Node.js streaming proxy (node:http + undici, each chunk written as it comes, no decoding, no log), same load as the OpenAI passthrough row', {
      direct: fmt(direct.p99, 'ms', 3),
      gateway: fmt(p99, 'ms', 3),
      figure: fmt(p99 - direct.p99, 'ms', 3),
      detail: `informational: the floor any Node.js gateway could reach here; p99 of each run ${all.map((v) => v.toFixed(2)).join(', ')} ms, CPU ${cpu.toFixed(1)} µs per chunk`,
    })
  } finally {
    await stop(child)
  }
}

async function streamThroughput({ urls, via, gateway }) {
  const { streamClients: clients, chunks } = SIZE
  console.log(`\nstreaming throughput, ${clients} concurrent clients x ${chunks} chunks, upstream writing every ${SIZE.rapidIntervalMs} ms`)
  const cpu = () => ask(gateway.child, 'cpu', 'cpu')
  /** Best chunks/s of a few rounds, and the gateway's CPU per chunk over all of them. */
  const measure = async (target, throughGateway) => {
    let top = 0
    let content = 0
    const before = throughGateway ? await cpu() : 0
    for (let i = 0; i < SIZE.throughputRounds; i++) {
      const result = await streamLoad(target, clients)
      if (result.errors.length || checkStreams(result, clients, chunks).ok === false) throw new Error(`incomplete streams: ${result.errors.slice(0, 3).join(', ')}`)
      top = Math.max(top, result.content / (result.wallMs / 1000))
      content += result.content
    }
    return { rate: top, cpuPerChunk: throughGateway ? ((await cpu()) - before) / content : undefined }
  }
  const direct = {}
  for (const provider of ['openai', 'anthropic']) direct[provider] = await measure(chatRequest({ client: provider, fake: 'rapid', urls, stream: true }), false)
  const through = {}
  for (const c of STREAM_CASES) through[c.name] = await measure(chatRequest({ ...c, fake: 'rapid', urls, via, stream: true }), true)
  const perChunk = (m) => `gateway CPU ${m.cpuPerChunk.toFixed(1)} µs per chunk (one core: ~${Math.round(1e6 / m.cpuPerChunk)} chunks/s)`
  for (const c of STREAM_CASES.slice(0, 2)) {
    row('Streaming throughput', c.name, {
      direct: `${direct[c.provider].rate.toFixed(0)} chunks/s`,
      gateway: `${through[c.name].rate.toFixed(0)} chunks/s`,
      figure: `${through[c.name].rate.toFixed(0)} chunks/s`,
      detail: perChunk(through[c.name]),
    })
  }
  for (const c of STREAM_CASES.slice(2)) {
    const passthrough = STREAM_CASES.find((p) => p.client === c.provider && p.provider === c.provider)
    const ratio = through[c.name].rate / through[passthrough.name].rate
    const capacity = through[passthrough.name].cpuPerChunk / through[c.name].cpuPerChunk
    row('Streaming throughput', c.name, {
      direct: `${direct[c.provider].rate.toFixed(0)} chunks/s`,
      gateway: `${through[c.name].rate.toFixed(0)} chunks/s`,
      figure: `${(ratio * 100).toFixed(0)}% of passthrough (${through[passthrough.name].rate.toFixed(0)} chunks/s)`,
      target: '>= 50%',
      pass: ratio >= 0.5,
      detail: `${perChunk(through[c.name])}; by CPU per chunk, ${(capacity * 100).toFixed(0)}% of passthrough's capacity`,
    })
  }
}

async function memory({ urls, via, gateway }) {
  const pid = gateway.child.pid
  const { slowStreams, slowChunks, slowIntervalMs } = SIZE
  console.log(`\nmemory: ${slowStreams} concurrent slow streams (${slowChunks} chunks, one every ${slowIntervalMs} ms), then ${SIZE.growthRequests} requests`)
  const before = rssOf(pid)
  const exact = resetPeakRss(pid)
  let sampled = before.rss
  const half = slowStreams / 2
  const [a, b] = await Promise.all([
    streamLoad(chatRequest({ client: 'openai', provider: 'openai', fake: 'slow', urls, via, stream: true }), half, { onTick: () => (sampled = Math.max(sampled, rssOf(pid).rss)) }),
    streamLoad(chatRequest({ client: 'anthropic', provider: 'openai', fake: 'slow', urls, via, stream: true }), slowStreams - half),
  ])
  const peak = exact ? rssOf(pid).peak : sampled
  const complete = checkStreams(a, half, slowChunks).ok && checkStreams(b, slowStreams - half, slowChunks).ok
  row('Memory', `peak RSS, ${slowStreams} concurrent slow streams (half passthrough, half translated), fresh gateway process`, {
    figure: fmt(peak / MB, 'MB', 0),
    target: '<= 200 MB',
    pass: peak <= 200 * MB && complete,
    detail: `RSS before ${(before.rss / MB).toFixed(0)} MB; ${complete ? 'all streams complete' : 'INCOMPLETE streams'}`,
  })

  // A mix of every path, streamed and not; heap measured after a full GC.
  const mix = []
  for (const stream of [false, true]) {
    mix.push(chatRequest({ client: 'openai', provider: 'openai', fake: 'json', urls, via, stream }))
    mix.push(chatRequest({ client: 'anthropic', provider: 'anthropic', fake: 'json', urls, via, stream }))
    mix.push(chatRequest({ client: 'anthropic', provider: 'openai', fake: 'json', urls, via, stream }))
    mix.push(chatRequest({ client: 'openai', provider: 'anthropic', fake: 'json', urls, via, stream }))
  }
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000)) // log records written, sockets idle
    return ask(gateway.child, 'memory', 'memory')
  }
  await hammer(via, mix, { connections: SIZE.connections, amount: 4000 })
  const m1 = await settle()
  const run = await hammer(via, mix, { connections: SIZE.connections, amount: SIZE.growthRequests })
  const m2 = await settle()
  const heapGrowth = (m2.heapUsed - m1.heapUsed) / MB
  const rssGrowth = (m2.rss - m1.rss) / MB
  row('Memory', `growth after ${SIZE.growthRequests} more requests (mixed paths, streamed and not)`, {
    figure: `heap ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(2)} MB, RSS ${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)} MB`,
    target: 'heap after GC < +2 MB',
    pass: heapGrowth < 2 && run.bad === 0,
    detail: `heap after GC ${(m1.heapUsed / MB).toFixed(1)} -> ${(m2.heapUsed / MB).toFixed(1)} MB, RSS ${(m1.rss / MB).toFixed(0)} -> ${(m2.rss / MB).toFixed(0)} MB, ${run.bad} errors`,
  })
}

async function countLogged(dir) {
  let lines = 0
  try {
    for (const file of await readdir(dir)) lines += (await readFile(join(dir, file), 'utf8')).split('\n').filter(Boolean).length
  } catch {
    // no log written
  }
  return lines
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 2
})
