/**
 * The `chat` and `messages` commands' flags. Registered by src/cli/index.ts;
 * the command modules themselves load only when one of them runs.
 */
import { type Command, Option } from 'commander'
import { parseNumber, parsePositiveInt } from '../options.js'

type Run = <A extends unknown[]>(action: (...args: A) => Promise<void>) => (...args: A) => Promise<void>

const collect = (value: string, previous: string[] = []) => [...previous, value]

const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']

function withSharedOptions(command: Command): Command {
  return command
    .argument('[prompt]', 'the prompt; piped stdin is added after it (or is the prompt)')
    .option('-m, --model <model>', 'an alias, provider/model or model name (default: the config\'s "default" alias; see README)')
    .option('-s, --system <text>', 'system prompt')
    .option('--max-tokens <n>', 'largest reply, in tokens', parsePositiveInt('--max-tokens'))
    .option('-a, --attach <file>', 'attach an image (png, jpeg, webp, gif); repeat for more', collect)
    .option('--no-stream', 'wait for the whole reply instead of streaming it')
    .option('--json', 'print the raw response JSON of the format (requested without streaming)')
    .option('--no-reasoning', 'do not show thinking / reasoning (shown on stderr by default)')
    .option('-q, --quiet', 'no footer (model, tokens, cost, latency) on stderr')
    .option('-c, --config <file>', 'config file')
    .option('--log-dir <dir>', 'traffic log folder (overrides LLM_GATEWAY_LOG_DIR and log.dir)')
    .option('--url <url>', 'send to a running gateway at this URL instead of in-process')
    .option('--key <key>', 'gateway key for --url (default: LLM_GATEWAY_API_KEY)')
}

export function addOneOffCommands(program: Command, run: Run): void {
  withSharedOptions(program.command('chat').description('send one OpenAI-format prompt and print the reply as it streams'))
    .option('--temperature <t>', 'sampling temperature', parseNumber('--temperature'))
    .addOption(new Option('--reasoning-effort <effort>', 'reasoning effort').choices(REASONING_EFFORTS))
    .action(run(async (prompt: string | undefined, options) => (await import('../chat.js')).chatCommand(prompt, options)))

  withSharedOptions(program.command('messages').description('send one Anthropic-format prompt and print the reply as it streams'))
    .option('--thinking <budget>', 'extended thinking with this token budget (at least 1024)', parsePositiveInt('--thinking'))
    .action(run(async (prompt: string | undefined, options) => (await import('../messages.js')).messagesCommand(prompt, options)))
}
