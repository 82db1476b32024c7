/**
 * Background jobs behind one interface: BullMQ on Redis (server mode: any worker process takes any
 * job) and an in-process twin (embedded mode: the one process enqueues and works). Both retry a
 * failing job with exponential backoff, report progress (0–100), and keep the result or the last
 * failure's reason. When Redis is gone, enqueueing fails fast with JobsUnavailableError (a 503
 * problem+json `jobs.unavailable` over HTTP) instead of waiting.
 */
import { randomUUID } from 'node:crypto'
import { Queue, Worker as BullWorker, type Job } from 'bullmq'
import { AppError } from '../http/errors.js'
import type { RedisLink } from '../shared/redis.js'

export const JOB_KINDS = ['import', 'export', 'plans.recompute'] as const
export type JobKind = (typeof JOB_KINDS)[number]
export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed'

export interface JobView {
  id: string
  kind: string
  state: JobState
  data: Record<string, unknown>
  /** 0–100. */
  progress: number
  /** Attempts made so far (1 after the first try). */
  attempts: number
  maxAttempts: number
  result?: unknown
  /** The last failure's message. */
  failedReason?: string
  createdAt: number
  finishedAt?: number
}

export interface JobContext {
  id: string
  attempt: number
  progress(percent: number): Promise<void>
}

export type JobHandler = (data: Record<string, unknown>, ctx: JobContext) => Promise<unknown>

export interface EnqueueOptions {
  /** Tries in all (default 3). */
  attempts?: number
  /** First retry delay; doubles each further retry (default 2 s). */
  backoffMs?: number
}

export interface JobQueue {
  readonly kind: 'memory' | 'redis'
  enqueue(kind: string, data: Record<string, unknown>, options?: EnqueueOptions): Promise<JobView>
  get(id: string): Promise<JobView | undefined>
  /** The newest jobs first. */
  list(limit?: number): Promise<JobView[]>
  /** Jobs waiting, delayed or running. */
  depth(): Promise<number>
  /** Starts taking jobs; handlers by kind. */
  work(handlers: Readonly<Record<string, JobHandler>>, options?: { concurrency?: number }): Promise<{ close(): Promise<void> }>
  close(): Promise<void>
}

export class JobsUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('jobs.unavailable', 503, 'The job queue (Redis) cannot be reached right now; retry shortly.', { retryAfter: 5 })
    this.cause = cause
  }
}

const DEFAULTS = { attempts: 3, backoffMs: 2000 }

function clampProgress(p: unknown): number {
  const n = typeof p === 'number' ? p : 0
  return Math.max(0, Math.min(100, Math.round(n)))
}

/** The in-process twin: jobs live in this process's memory (the newest `keep` finished ones are kept). */
export function createMemoryJobQueue(options: { keep?: number } = {}): JobQueue {
  const keep = options.keep ?? 1000
  interface Entry { view: JobView; runAt: number; backoffMs: number }
  const jobs = new Map<string, Entry>()
  const wake = new Set<() => void>()
  const copy = (e: Entry): JobView => structuredClone(e.view)
  const prune = () => {
    const finished = [...jobs.values()].filter((e) => e.view.state === 'completed' || e.view.state === 'failed')
    for (const e of finished.slice(0, Math.max(0, finished.length - keep))) jobs.delete(e.view.id)
  }
  return {
    kind: 'memory',
    async enqueue(kind, data, opts = {}) {
      const id = randomUUID()
      const entry: Entry = {
        view: { id, kind, state: 'waiting', data: structuredClone(data), progress: 0, attempts: 0, maxAttempts: opts.attempts ?? DEFAULTS.attempts, createdAt: Date.now() },
        runAt: 0,
        backoffMs: opts.backoffMs ?? DEFAULTS.backoffMs,
      }
      jobs.set(id, entry)
      prune()
      for (const w of wake) w()
      return copy(entry)
    },
    async get(id) {
      const e = jobs.get(id)
      return e && copy(e)
    },
    async list(limit = 50) {
      return [...jobs.values()].reverse().slice(0, limit).map(copy)
    },
    async depth() {
      return [...jobs.values()].filter((e) => e.view.state === 'waiting' || e.view.state === 'delayed' || e.view.state === 'active').length
    },
    async work(handlers, opts = {}) {
      const concurrency = opts.concurrency ?? 1
      let running = 0
      let closed = false
      const inFlight = new Set<Promise<void>>()
      let timer: NodeJS.Timeout | undefined
      const run = async (e: Entry) => {
        const v = e.view
        v.state = 'active'
        v.attempts += 1
        try {
          const handler = handlers[v.kind]
          if (!handler) throw new Error(`no handler for job kind ${JSON.stringify(v.kind)}`)
          v.result = await handler(structuredClone(v.data), {
            id: v.id, attempt: v.attempts,
            progress: async (p) => { v.progress = clampProgress(p) },
          })
          v.state = 'completed'
          v.progress = 100
          v.finishedAt = Date.now()
        } catch (error) {
          v.failedReason = error instanceof Error ? error.message : String(error)
          if (v.attempts < v.maxAttempts) {
            v.state = 'delayed'
            e.runAt = Date.now() + e.backoffMs * 2 ** (v.attempts - 1)
          } else {
            v.state = 'failed'
            v.finishedAt = Date.now()
          }
        }
      }
      const pump = () => {
        if (closed) return
        if (timer) clearTimeout(timer)
        timer = undefined
        const now = Date.now()
        let next = Infinity
        for (const e of jobs.values()) {
          if (running >= concurrency) break
          const s = e.view.state
          if (s !== 'waiting' && s !== 'delayed') continue
          if (e.runAt > now) {
            next = Math.min(next, e.runAt)
            continue
          }
          running += 1
          const p = run(e).finally(() => {
            running -= 1
            inFlight.delete(p)
            pump()
          })
          inFlight.add(p)
        }
        if (next < Infinity) {
          timer = setTimeout(pump, next - now)
          timer.unref()
        }
      }
      wake.add(pump)
      setImmediate(pump)
      return {
        async close() {
          closed = true
          wake.delete(pump)
          if (timer) clearTimeout(timer)
          await Promise.allSettled([...inFlight])
        },
      }
    },
    async close() {
      wake.clear()
    },
  }
}

/** BullMQ on Redis. Keys live under `<prefix>bull:`; finished jobs are kept a week (at most 1,000). */
export function createRedisJobQueue(link: RedisLink, options: { name?: string } = {}): JobQueue {
  const name = options.name ?? 'jobs'
  const prefix = `${link.prefix}bull`
  // While the producer's connection is down an enqueue is refused at once; otherwise it waits 2 s at most.
  const producer = link.unrefDuplicate()
  const queue = new Queue(name, { connection: producer, prefix })
  queue.on('error', () => undefined)
  const workers: BullWorker[] = []
  const view = (job: Job, state: string): JobView => ({
    id: String(job.id), kind: job.name,
    state: (['waiting', 'delayed', 'active', 'completed', 'failed'].includes(state) ? state : 'waiting') as JobState,
    data: job.data as Record<string, unknown>,
    progress: state === 'completed' ? 100 : clampProgress(job.progress),
    attempts: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1,
    ...(job.returnvalue !== undefined && job.returnvalue !== null ? { result: job.returnvalue as unknown } : {}),
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    createdAt: job.timestamp,
    ...(job.finishedOn ? { finishedAt: job.finishedOn } : {}),
  })
  /** The state first, then the job: a job read after its final state is final too. */
  const read = async (id: string): Promise<JobView | undefined> => {
    const state = await queue.getJobState(id)
    if (state === 'unknown') return undefined
    const job = await queue.getJob(id)
    return job ? view(job, state) : undefined
  }
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    if (['reconnecting', 'close', 'end'].includes(producer.status)) throw new JobsUnavailableError(new Error(`Redis connection ${producer.status}`))
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        op(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000)
        }),
      ])
    } catch (error) {
      throw error instanceof AppError ? error : new JobsUnavailableError(error)
    } finally {
      clearTimeout(timer)
    }
  }
  return {
    kind: 'redis',
    enqueue: (kind, data, opts = {}) => guard(async () => {
      const job = await queue.add(kind, data, {
        attempts: opts.attempts ?? DEFAULTS.attempts,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? DEFAULTS.backoffMs },
        removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
      })
      return view(job, 'waiting')
    }),
    get: (id) => guard(() => read(id)),
    list: (limit = 50) => guard(async () => {
      const found = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'], 0, limit - 1, false)
      const views = await Promise.all(found.filter((j): j is Job => Boolean(j)).map((j) => read(String(j.id))))
      return views.filter((v): v is JobView => v !== undefined).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit)
    }),
    depth: () => guard(async () => {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized')
      return Object.values(counts).reduce((a, b) => a + b, 0)
    }),
    async work(handlers, opts = {}) {
      const worker = new BullWorker(name, async (job) => {
        const handler = handlers[job.name]
        if (!handler) throw new Error(`no handler for job kind ${JSON.stringify(job.name)}`)
        return handler(job.data as Record<string, unknown>, {
          id: String(job.id), attempt: job.attemptsMade + 1,
          progress: async (p) => { await job.updateProgress(clampProgress(p)) },
        })
      }, { connection: link.duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined }), prefix, concurrency: opts.concurrency ?? 1 })
      worker.on('error', () => undefined)
      workers.push(worker)
      await worker.waitUntilReady()
      return {
        async close() {
          await worker.close()
        },
      }
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()))
      await queue.close().catch(() => undefined)
    },
  }
}
