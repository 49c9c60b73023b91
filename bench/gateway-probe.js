/**
 * Preloaded into the gateway process by the benchmark (node --expose-gc --import): answers
 * `memory` over IPC with the heap after a full collection, so growth is measured without
 * garbage that would be collected anyway, and `cpu` with the process's CPU time so far (µs),
 * a figure other load on the machine barely disturbs. The gateway's own code is untouched.
 */
if (process.send) {
  process.on('message', (message) => {
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
