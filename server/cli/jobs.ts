/**
 * `pathways jobs …`: enqueue a background job, watch it until it ends, list recent ones. Jobs live in
 * Redis (REDIS_URL), where any worker process takes them. In embedded mode (no REDIS_URL) the queue
 * lives inside the server process, out of this command's reach: the command says so (exit 2).
 *
 *   pathways jobs enqueue import <source> <path>   import a dataset from a path on the worker's machine
 *   pathways jobs enqueue export <userId>          a learner's data as JSON, kept 24 h in the shared cache
 *   pathways jobs enqueue plans.recompute          recompute every stored learning plan
 *   pathways jobs watch <id>                       progress until the job ends: exit 0 done, 1 failed
 *   pathways jobs list                             the newest jobs
 *
 * Exit codes: 0 done, 1 failure (or the job failed), 2 bad input (unknown kind, missing argument,
 * unknown job id, no REDIS_URL).
 */
import { InvalidArgumentError, type Command } from 'commander'
import { loadConfig } from '../config.js'
import { JobInputError, validateJob } from '../platform/jobs/kinds.js'
import { createRedisJobQueue, JOB_KINDS, JobsUnavailableError, type JobQueue, type JobView } from '../platform/jobs/queue.js'
import { splitRedisUrl } from '../platform/shared/index.js'
import { createRedisLink } from '../platform/shared/redis.js'

class UsageError extends Error {}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('Background jobs (imports, exports, plan recomputation) on the shared queue (needs REDIS_URL)')

  jobs
    .command('enqueue')
    .description(`Enqueue a job. <kind> is one of: ${JOB_KINDS.join(', ')}. Prints the job id.`)
    .argument('<kind>', JOB_KINDS.join(' | '))
    .argument('[args...]', 'import: <source> <path>; export: <userId>; plans.recompute: none')
    .option('--attempts <n>', 'tries in all before the job fails', (v) => count(v, 1, 20), 3)
    .option('--backoff <ms>', 'delay before the first retry, doubling after each', (v) => count(v, 0, 3_600_000), 2000)
    .option('--watch', 'then watch it until it ends (exit 0 done, 1 failed)')
    .action((kind: string, args: string[], options: { attempts: number; backoff: number; watch?: boolean }) =>
      run(async (queue) => {
        const job = validateJob(kind, dataFor(kind, args))
        const view = await queue.enqueue(job.kind, job.data, { attempts: options.attempts, backoffMs: options.backoff })
        process.stdout.write(`${view.id}\n`)
        process.stderr.write(`enqueued ${view.kind} job ${view.id}; follow it with: pathways jobs watch ${view.id}\n`)
        if (options.watch) return watch(queue, view.id)
        return 0
      }))

  jobs
    .command('watch')
    .description('Show a job\'s progress until it ends; exit 0 when it completed, 1 when it failed')
    .argument('<id>', 'the job id printed by enqueue')
    .option('--interval <ms>', 'how often to look', (v) => count(v, 50, 60_000), 500)
    .action((id: string, options: { interval: number }) => run((queue) => watch(queue, id, options.interval)))

  jobs
    .command('list')
    .description('The newest jobs: id, kind, state, progress, attempts and the failure reason')
    .option('--limit <n>', 'how many', (v) => count(v, 1, 1000), 20)
    .option('--json', 'one JSON object per line')
    .action((options: { limit: number; json?: boolean }) =>
      run(async (queue) => {
        for (const job of await queue.list(options.limit)) {
          process.stdout.write(options.json ? `${JSON.stringify(job)}\n` : `${line(job)}\n`)
        }
        return 0
      }))
}

function dataFor(kind: string, args: string[]): Record<string, unknown> {
  const want = (names: string[]) => {
    if (args.length !== names.length) throw new JobInputError(`${kind} takes ${names.length === 0 ? 'no arguments' : names.map((n) => `<${n}>`).join(' ')}, got ${args.length}`)
    return Object.fromEntries(names.map((n, i) => [n, args[i]]))
  }
  if (kind === 'import') return want(['source', 'path'])
  if (kind === 'export') return want(['userId'])
  if (kind === 'plans.recompute') return want([])
  throw new JobInputError(`unknown job kind ${JSON.stringify(kind)}: use one of ${JOB_KINDS.join(', ')}`)
}

async function watch(queue: JobQueue, id: string, intervalMs = 500): Promise<number> {
  let last = ''
  for (;;) {
    const job = await queue.get(id)
    if (!job) throw new UsageError(`no job ${JSON.stringify(id)} (finished jobs are kept a week)`)
    const now = line(job)
    if (now !== last) process.stderr.write(`${now}\n`)
    last = now
    if (job.state === 'completed') {
      process.stdout.write(`${JSON.stringify(job.result ?? null)}\n`)
      return 0
    }
    if (job.state === 'failed') {
      process.stderr.write(`job ${job.id} failed after ${job.attempts} attempt(s): ${job.failedReason ?? 'no reason given'}\n`)
      return 1
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

function line(job: JobView): string {
  const reason = job.failedReason && job.state !== 'completed' ? ` — last failure: ${job.failedReason}` : ''
  return `${job.id}  ${job.kind}  ${job.state}  ${job.progress}%  attempt ${job.attempts}/${job.maxAttempts}${reason}`
}

/** Opens the queue, runs the command, closes, and exits with its code (2 for bad input). */
async function run(work: (queue: JobQueue) => Promise<number>): Promise<void> {
  const config = loadConfig()
  if (!config.redisUrl) {
    process.stderr.write('pathways jobs: REDIS_URL is not set. Jobs are shared through Redis; in embedded mode run the work directly (e.g. `pathways import <source> <path>`).\n')
    process.exit(2)
  }
  const { url, prefix } = splitRedisUrl(config.redisUrl)
  const link = createRedisLink(url, { prefix })
  const queue = createRedisJobQueue(link)
  let code: number
  try {
    code = await work(queue)
  } catch (error) {
    if (error instanceof JobInputError || error instanceof UsageError) {
      process.stderr.write(`pathways jobs: ${error.message}\n`)
      code = 2
    } else if (error instanceof JobsUnavailableError) {
      process.stderr.write(`pathways jobs: Redis at ${new URL(url).host} cannot be reached: ${error.cause instanceof Error ? error.cause.message : String(error.cause)}\n`)
      code = 1
    } else {
      throw error
    }
  } finally {
    await queue.close()
    await link.close()
  }
  process.exit(code)
}

function count(value: string, min: number, max: number): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`)
  return n
}
