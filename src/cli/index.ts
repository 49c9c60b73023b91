/**
 * The `llm-gateway` command line. Command modules load lazily so `--version`
 * and `--help` start fast.
 */
import { Command, CommanderError } from 'commander'
import { VERSION } from '../version.js'
import { EXIT_USAGE } from './exit-codes.js'
import { fail } from './fail.js'
import { parsePort, parsePositiveInt } from './options.js'
import { addOneOffCommands } from './prompt/register.js'

/** Run a command action, mapping every failure to a message and an exit code. */
function run<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args)
    } catch (error) {
      fail(error)
    }
  }
}

export function buildProgram(): Command {
  const program = new Command('llm-gateway')
    .description('A local LLM gateway: any OpenAI or Anthropic SDK client, any provider, every request logged.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()

  program
    .command('serve')
    .description('start the gateway on 127.0.0.1:4000 (or --host/--port)')
    .option('-c, --config <file>', 'config file (default: gateway.config.json, .gatewayrc, gateway.config.ts in this folder)')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort)
    .option('-H, --host <host>', 'interface to bind (default 127.0.0.1)')
    .option('--log-dir <dir>', 'traffic log folder (overrides LLM_GATEWAY_LOG_DIR and log.dir)')
    .action(run(async (options) => (await import('./serve.js')).serveCommand(options)))

  program
    .command('models')
    .description('list the model names this configuration can route, with context, max output, prices and capabilities')
    .option('-c, --config <file>', 'config file')
    .option('--json', 'print JSON')
    .option('--capability <name...>', 'only models with these: tools, vision, reasoning, caching, json (repeatable or comma-separated)')
    .option('--provider <name>', 'only names that can reach this configured provider')
    .option('--all', 'include retired catalogue models (they still route)')
    .option('--offline', 'do not ask the providers for their model lists')
    .action(run(async (options) => (await import('./models.js')).modelsCommand(options)))

  program
    .command('init')
    .description('write a starter gateway.config.json: the mock, the providers whose keys are in the environment, and local servers found running')
    .option('-o, --output <file>', 'where to write it (- for stdout)', 'gateway.config.json')
    .option('-f, --force', 'overwrite the file if it exists')
    .option('--no-detect', 'do not look for Ollama, LM Studio or vLLM running on this machine')
    .option('--json', 'print {path, providers} as JSON')
    .action(run(async (options) => (await import('./init.js')).initCommand(options)))

  addOneOffCommands(program, run)
  addLogsCommand(program)

  return program
}

/** `logs list|show|tail|stats`: every subcommand takes the folder options, and all but show the filters. */
function addLogsCommand(program: Command): void {
  const logs = program.command('logs').description('inspect the traffic log (list, show ID, tail, stats)')
  const withFolder = (command: Command) =>
    command
      .option('--log-dir <dir>', 'log folder (default: LLM_GATEWAY_LOG_DIR, else the config\'s log.dir, else ~/.llm-gateway/logs)')
      .option('-c, --config <file>', 'config file whose log.dir to read')
      .option('--json', 'JSON Lines: one object per record (stats: per row)')
  const withFilters = (command: Command) =>
    withFolder(command)
      .option('-m, --model <model>', 'only this model (as requested, or the provider\'s model, or provider/model)')
      .option('--provider <name>', 'only this provider')
      .option('-s, --status <status>', 'only these statuses: 200, 4xx, 5xx, ok, error, cancelled (comma-separated)')
      .option('--since <time>', 'only records since a duration ago (30m, 1h, 2d, 1w) or an ISO date')
  const load = () => import('./logs.js')

  withFilters(logs.command('list', { isDefault: true }).description('recent requests, newest first'))
    .option('-n, --limit <n>', 'how many records (default 20)', parsePositiveInt('--limit'))
    .action(run(async (options) => (await load()).logsListCommand(options)))
  withFolder(logs.command('show').argument('<id>', 'a log id, or a unique prefix of one').description('one request and its response, in full'))
    .action(run(async (id: string, options) => (await load()).logsShowCommand(id, options)))
  withFilters(logs.command('tail').description('the last records, then new ones as they arrive (Ctrl-C to stop)'))
    .option('-n, --lines <n>', 'how many past records to print first (default 10)', parsePositiveInt('--lines'))
    .action(run(async (options) => (await load()).logsTailCommand(options)))
  withFilters(logs.command('stats').description('per model and provider: requests, error rate, p50/p95 latency and ttft, tokens, cost'))
    .action(run(async (options) => (await load()).logsStatsCommand(options)))
}

export async function main(argv = process.argv): Promise<void> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes exit 2.
      process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE)
    }
    fail(error)
  }
}
