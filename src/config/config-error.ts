/** A configuration problem: which file, which field, what was expected. CLI exit code 2. */
export class ConfigError extends Error {
  readonly file: string
  readonly field: string

  constructor(file: string, field: string, expected: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${expected}`)
    this.name = 'ConfigError'
    this.file = file
    this.field = field
  }
}
