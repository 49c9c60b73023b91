#!/usr/bin/env node
/**
 * The memory soak behind issue 9: 20,000 requests over every gateway path and
 * 1,000 cancelled streams, heap measured after GC (test/hardening/memory.test.ts
 * with its counts raised). Usage: node bench/memory-soak.mjs [requests] [cancels]
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [requests = '20000', cancels = '1000'] = process.argv.slice(2)
const result = spawnSync('npx', ['vitest', 'run', 'test/hardening/memory.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LLM_GATEWAY_MEMORY_REQUESTS: requests, LLM_GATEWAY_MEMORY_CANCELS: cancels },
})
process.exit(result.status ?? 1)
