/**
 * The gateway under test: the built CLI's `serve`, as a user runs it, in its own process,
 * from a config file pointing at the fake upstreams, with the traffic log on (bodies
 * included) in a temporary folder.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { forkChild } from './processes.js'

const here = dirname(fileURLToPath(import.meta.url))
export const root = join(here, '..', '..')
export const cli = join(root, 'bin', 'llm-gateway.js')

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** A config with one OpenAI-type and one Anthropic provider per fake upstream. */
export function writeConfig(dir, urls, logDir) {
  const providers = {}
  for (const [name, url] of Object.entries(urls)) {
    providers[`${name}-openai`] = { type: 'openai', baseURL: `${url}/v1`, apiKey: 'sk-bench-openai' }
    providers[`${name}-anthropic`] = { type: 'anthropic', baseURL: url, apiKey: 'sk-bench-anthropic' }
  }
  const file = join(dir, 'gateway.config.json')
  writeFileSync(file, JSON.stringify({ server: { host: '127.0.0.1', apiKeys: [] }, providers, log: { dir: logDir, bodies: true } }, null, 2))
  return file
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = get(`${url}/health`, { agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode === 200))
    })
    req.on('error', () => resolve(false)) // not listening yet
  })
}

export async function waitForHealth(url, deadlineMs) {
  const deadline = performance.now() + deadlineMs
  for (;;) {
    if (await healthy(url)) return
    if (performance.now() > deadline) throw new Error(`gateway did not answer ${url}/health within ${deadlineMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Start `serve`; resolves with { child, url } once /health answers. */
export async function startGateway(configFile, { nodeArgs = [] } = {}) {
  const port = await freePort()
  const child = forkChild(cli, ['serve', '--config', configFile, '--port', String(port)], {
    cwd: root,
    execArgv: ['--expose-gc', '--import', join(here, '..', 'gateway-probe.js'), ...nodeArgs],
    env: { ...process.env, NO_COLOR: '1' },
  })
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`gateway exited with ${code}\n${child.stderrText}`))))
  await Promise.race([waitForHealth(url, 15_000), exited])
  exited.catch(() => {})
  return { child, url }
}

/** Resident set size of a process now and at its peak since the last reset (bytes, Linux). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/** Reset the kernel's peak-RSS mark for a process (Linux; false when not allowed). */
export function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
