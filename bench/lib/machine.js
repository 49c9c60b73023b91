/** What the figures were measured on. */
import { cpus, totalmem } from 'node:os'

export function machine() {
  const list = cpus()
  return {
    cpu: list[0]?.model?.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  }
}
