/**
 * Preloaded into the gateway process (and the reference proxies) by the benchmark (node --expose-gc --import): answers
 * `memory` over IPC with the heap after a full collection, so growth is measured without
 * garbage that would be collected anyway, and `cpu` with the process's CPU time so far (µs),
 * a figure other load on the machine barely disturbs, and `loop` with how long its event
 * loop was blocked since the last ask. The gateway's own code is untouched.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

if (process.send) {
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  process.on('message', (message) => {
    if (message === 'loop') {
      // How long the event loop was blocked since the last ask (ms), then start afresh.
      process.send({ loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } })
      loop.reset()
      return
    }
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage()
      process.send({ cpu: user + system })
      return
    }
    if (message !== 'memory') return
    globalThis.gc?.()
    globalThis.gc?.()
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
    process.send({ memory: { rss, heapUsed, external, arrayBuffers } })
  })
  process.on('disconnect', () => process.exit(0))
}
