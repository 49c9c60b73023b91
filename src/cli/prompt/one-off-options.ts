/** The flags `chat` and `messages` share, as commander hands them over. */
export interface OneOffOptions {
  model?: string
  system?: string
  maxTokens?: number
  /** false with --no-stream. */
  stream?: boolean
  json?: boolean
  /** -a FILE, repeatable. */
  attach?: string[]
  /** false with --no-reasoning: thinking is not shown (it is still requested as asked). */
  reasoning?: boolean
  quiet?: boolean
  config?: string
  logDir?: string
  url?: string
  key?: string
}
