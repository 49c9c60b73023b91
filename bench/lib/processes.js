/** Child processes the benchmark starts (and always stops): a bounded wait for their first IPC message. */
import { fork } from 'node:child_process'
import { setPriority } from 'node:os'

/** Fork `script` with an IPC channel, keeping its stderr for error messages. */
export function forkChild(script, args, options = {}) {
  const child = fork(script, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], ...options })
  child.stderrText = ''
  child.stderr.on('data', (chunk) => {
    child.stderrText += chunk
  })
  child.stdout.resume()
  return child
}

/** The child's first IPC message (it says it is ready with it). */
export function firstMessage(child, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${child.pid} sent nothing within ${timeoutMs} ms\n${child.stderrText}`)), timeoutMs)
    child.once('message', (message) => {
      clearTimeout(timer)
      resolve(message)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`child ${child.pid} exited with ${code}\n${child.stderrText}`))
    })
  })
}

/** Ask a child over IPC and wait for the reply carrying `key`. */
export function ask(child, message, key, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${key} reply within ${timeoutMs} ms`)), timeoutMs)
    const onMessage = (reply) => {
      if (reply && typeof reply === 'object' && key in reply) {
        clearTimeout(timer)
        child.off('message', onMessage)
        resolve(reply[key])
      }
    }
    child.on('message', onMessage)
    child.send(message)
  })
}

/** Stop a child we started and wait until it has exited. */
export function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  })
}

/**
 * Run a benchmark process ahead of whatever else the machine is doing (nice -10;
 * needs root or CAP_SYS_NICE). The gateway's and the direct path's figures are
 * measured the same way either way; this only keeps unrelated work from landing
 * in the tails. False when not allowed.
 */
export function raisePriority(pid = process.pid) {
  try {
    setPriority(pid, -10)
    return true
  } catch {
    return false
  }
}
