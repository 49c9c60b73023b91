#!/usr/bin/env node
/**
 * Summarise a V8 .cpuprofile (from `node bench/run.js --cpu-prof DIR`): self time by
 * function and by package/file, so hot spots in the gateway show at a glance.
 * Usage: node bench/profile-summary.js FILE.cpuprofile [top=30]
 */
import { readFileSync } from 'node:fs'

const [, , file, topArg] = process.argv
const top = Number(topArg ?? 30)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = profile.timeDeltas
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0))
const total = [...self.values()].reduce((a, b) => a + b, 0)

const where = (cf) => {
  const url = cf.url.replace(/^file:\/\//, '')
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
  if (pkg) return pkg
  if (url.includes('/dist/')) return url.slice(url.indexOf('/dist/') + 1)
  return url || '(native/vm)'
}
const byFunction = new Map()
const byPlace = new Map()
for (const [id, micros] of self) {
  const cf = byId.get(id).callFrame
  const fn = `${cf.functionName || '(anonymous)'}  ${where(cf)}:${cf.lineNumber + 1}`
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
  byPlace.set(where(cf), (byPlace.get(where(cf)) ?? 0) + micros)
}
const show = (title, map) => {
  console.log(`\n${title}`)
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
  }
}
// Inclusive time: a function's own samples plus its callees' (counted once per stack).
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const inclusive = new Map()
for (const [id, micros] of self) {
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const cf = byId.get(at).callFrame
    const key = `${cf.functionName || '(anonymous)'}  ${cf.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${cf.lineNumber + 1}`
    if (seen.has(key)) continue
    seen.add(key)
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros)
  }
}
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`)
show('self time by place', byPlace)
show('self time by function', byFunction)
show('inclusive time by function', inclusive)
