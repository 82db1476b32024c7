/**
 * A loopback TCP proxy for fault tests, put between a process and a dependency (PostgreSQL,
 * Redis). Modes: `pass` forwards; `drop` accepts new connections and closes them at once (the
 * dependency looks gone); `blackhole` accepts and never answers (a hung network); `cut()` ends every
 * open connection. `latencyMs` delays each chunk in both directions.
 */
import net from 'node:net'

export type ProxyMode = 'pass' | 'drop' | 'blackhole'

export interface FaultProxy {
  readonly port: number
  mode: ProxyMode
  latencyMs: number
  /** Closes every connection currently open through the proxy (both sides). */
  cut(): void
  /** Sockets currently open, counting both sides (client and upstream) of each forwarded connection. */
  openConnections(): number
  close(): Promise<void>
}

export async function startFaultProxy(target: { host?: string; port: number }, options: { port?: number } = {}): Promise<FaultProxy> {
  const host = target.host ?? '127.0.0.1'
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const state = { mode: 'pass' as ProxyMode, latencyMs: 0 }

  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (state.latencyMs <= 0) {
        if (!to.write(chunk)) from.pause()
        return
      }
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk)
      }, state.latencyMs)
    })
    to.on('drain', () => from.resume())
    from.on('end', () => to.end())
    from.on('close', () => to.destroy())
  }

  const server = net.createServer((client) => {
    track(client)
    if (state.mode === 'drop') {
      client.destroy()
      return
    }
    if (state.mode === 'blackhole') {
      client.pause()
      return
    }
    client.pause()
    const upstream = net.connect({ host, port: target.port })
    track(upstream)
    upstream.on('connect', () => {
      forward(client, upstream)
      forward(upstream, client)
      client.resume()
    })
    upstream.on('error', () => client.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as net.AddressInfo

  return {
    port,
    get mode() {
      return state.mode
    },
    set mode(mode: ProxyMode) {
      state.mode = mode
    },
    get latencyMs() {
      return state.latencyMs
    },
    set latencyMs(ms: number) {
      state.latencyMs = ms
    },
    cut() {
      for (const socket of sockets) socket.destroy()
    },
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
