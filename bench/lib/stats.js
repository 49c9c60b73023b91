/** Small statistics helpers (values in whatever unit they come in). */

export function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export function median(values) {
  return percentile(values, 50)
}

export const round = (value, digits = 2) => Number(value.toFixed(digits))
