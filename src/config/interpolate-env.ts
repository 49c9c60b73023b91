/**
 * `${NAME}` substitution from the environment, applied to every string in the
 * raw config. Unset variables become '' and are reported with the path of the
 * field that used them, so a provider without its key can be flagged rather
 * than silently called without one.
 */

const PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

export interface MissingVariable {
  /** Dotted path of the field, e.g. `providers.openai.apiKey`. */
  path: string
  name: string
}

export function interpolateEnv(
  value: unknown,
  env: NodeJS.ProcessEnv,
  missing: MissingVariable[] = [],
  path = '',
): unknown {
  if (typeof value === 'string') {
    return value.replace(PATTERN, (_, name: string) => {
      const found = env[name]
      if (found === undefined || found === '') {
        missing.push({ path, name })
        return ''
      }
      return found
    })
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => interpolateEnv(item, env, missing, `${path}[${index}]`))
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = interpolateEnv(item, env, missing, path ? `${path}.${key}` : key)
    }
    return out
  }
  return value
}
