/** The process's shutdown state, shared by main.ts (which sets it on SIGTERM) and /readyz (which reports it). */
export interface Lifecycle {
  draining: boolean
}

export function createLifecycle(): Lifecycle {
  return { draining: false }
}
