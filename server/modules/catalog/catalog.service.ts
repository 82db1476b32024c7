/**
 * Keeps the database's curated rows in step with the catalog files and holds the current in-memory
 * index. `sync` writes only when the files changed; `refresh` rebuilds the index and swaps it whole.
 */
import type { FastifyBaseLogger } from 'fastify'
import { buildCatalogIndex, type CatalogIndex } from '../careers/career-index.js'
import { loadCatalog } from './catalog-loader.js'
import type { CatalogRepository } from './catalog.repository.js'

export interface CatalogServiceDeps {
  repo: CatalogRepository
  catalogDir: string
  log: Pick<FastifyBaseLogger, 'info'> & Partial<Pick<FastifyBaseLogger, 'error'>>
  /** Tells the installation's other processes about a new catalog version (Redis pub/sub); optional. */
  announce?: (version: number) => void
  /** Listens for such announcements while watching; returns a function that stops listening. */
  listen?: (onVersion: (version: number) => void) => Promise<() => Promise<void>>
}

/** Builds a read model derived from a new index before the index is swapped in. */
export type Warmer = (index: CatalogIndex) => Promise<void>

export function createCatalogService({ repo, catalogDir, log, announce, listen }: CatalogServiceDeps) {
  let current: CatalogIndex | undefined
  let reloading: Promise<void> | undefined
  /** Rebuilds the index when the stored version is newer than the current one; one reload at a time. */
  const reloadIfNewer = (refresh: () => Promise<CatalogIndex>): Promise<void> => {
    reloading ??= repo.meta('catalog.version')
      .then(async (stored) => {
        if (current && Number(stored ?? 0) > current.version) {
          await refresh()
          log.info({ catalogVersion: current.version }, 'catalog reloaded')
        }
      })
      .finally(() => {
        reloading = undefined
      })
    return reloading
  }
  const warmers: Warmer[] = []
  return {
    /**
     * Registers a derived read model (the search index) to build for every new catalog version before
     * it replaces the current one, so no request waits for it.
     */
    addWarmer(warmer: Warmer): void {
      warmers.push(warmer)
    },

    /** Validates the catalog folder and loads it when its content changed. Throws CatalogError. */
    async sync(): Promise<{ version: number; changed: boolean }> {
      const bundle = loadCatalog(catalogDir)
      if ((await repo.meta('catalog.hash')) === bundle.hash) {
        return { version: Number((await repo.meta('catalog.version')) ?? 0), changed: false }
      }
      const version = await repo.replaceCurated(bundle)
      log.info({ catalogVersion: version, careers: bundle.careers.length }, 'catalog loaded')
      announce?.(version)
      return { version, changed: true }
    },

    /** Rebuilds the in-memory index (and the read models derived from it) and swaps it in. */
    async refresh(): Promise<CatalogIndex> {
      const rows = await repo.readAll()
      if (rows.careers.length === 0) throw new Error('the catalog is empty: run the migrate role (or start in embedded mode) first')
      const next = buildCatalogIndex(rows)
      for (const warm of warmers) await warm(next)
      current = next
      return current
    },

    /**
     * Polls the stored catalog version and rebuilds the index when another process (an import, a
     * catalog sync) has published a newer one. Returns a function that stops watching.
     */
    watch(intervalMs: number): () => void {
      const timer = setInterval(() => {
        if (reloading || !current) return
        reloadIfNewer(() => this.refresh()).catch((error: unknown) => log.error?.({ err: error }, 'catalog reload failed'))
      }, intervalMs)
      timer.unref()
      let stopListening: (() => Promise<void>) | undefined
      let stopped = false
      listen?.((version) => {
        this.noticed(version).catch((error: unknown) => log.error?.({ err: error }, 'catalog reload failed'))
      })
        .then((stop) => {
          if (stopped) void stop()
          else stopListening = stop
        })
        .catch((error: unknown) => log.error?.({ err: error }, 'catalog notices unavailable: polling only'))
      return () => {
        stopped = true
        clearInterval(timer)
        void stopListening?.()
      }
    },

    /** Reloads now if the stored catalog version is newer than the current index (a worker before a job). */
    catchUp(): Promise<void> {
      return reloadIfNewer(() => this.refresh())
    },

    /**
     * A notice that another process published catalog `version`: reloads at once when it is newer
     * than the current index (the poll above stays as the fallback when notices are lost).
     */
    async noticed(version: number): Promise<void> {
      if (!current || !(version > current.version)) return
      await reloadIfNewer(() => this.refresh())
    },

    /** The current index; throws before the first refresh. */
    index(): CatalogIndex {
      if (!current) throw new Error('catalog index not built yet')
      return current
    },
  }
}
export type CatalogService = ReturnType<typeof createCatalogService>
