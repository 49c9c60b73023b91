/** Start-up times of the built CLI, measured from spawn as a user would feel them. */
import { spawn } from 'node:child_process'
import { cli, freePort, root, waitForHealth } from './gateway.js'

function run(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'ignore' })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`llm-gateway ${args.join(' ')} exited with ${code}`))))
  })
}

export async function versionTimes(runs) {
  const times = []
  for (let i = 0; i < runs; i++) times.push(await run(['--version']))
  return times
}

/** Spawn `serve` and time until /health answers; the server is stopped after each run. */
export async function serveTimes(configFile, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const port = await freePort()
    const started = performance.now()
    const child = spawn(process.execPath, [cli, 'serve', '--config', configFile, '--port', String(port)], { cwd: root, stdio: 'ignore' })
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 10_000)
      times.push(performance.now() - started)
    } finally {
      await new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })
    }
  }
  return times
}
