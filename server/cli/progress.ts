/**
 * Progress of a long import: a single updating line with rows/s on a terminal, plain lines every few
 * seconds otherwise (logs, CI). Writes to stderr so stdout stays for results.
 */
export interface Progress {
  update(rows: number): void
  done(rows: number): void
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, now = () => performance.now()): Progress {
  const started = now()
  let lastPrint = started
  const rate = (rows: number) => Math.round(rows / Math.max((now() - started) / 1000, 0.001))
  const text = (rows: number) => `${label}: ${rows.toLocaleString('en-US')} rows, ${rate(rows).toLocaleString('en-US')} rows/s`
  return {
    update(rows) {
      const t = now()
      if (stream.isTTY) {
        if (t - lastPrint < 100) return
        stream.write(`\r${bar(rows)} ${text(rows)}\u001b[K`)
      } else {
        if (t - lastPrint < 5000) return
        stream.write(`${text(rows)}\n`)
      }
      lastPrint = t
    },
    done(rows) {
      stream.write(`${stream.isTTY ? '\r' : ''}${text(rows)} in ${((now() - started) / 1000).toFixed(1)} s${stream.isTTY ? '\u001b[K' : ''}\n`)
    },
  }
}

/** A spinner-like bar: the total is unknown while streaming, so it shows activity, not a percentage. */
function bar(rows: number): string {
  const width = 20
  const pos = Math.floor(rows / 10_000) % width
  return `[${' '.repeat(pos)}=${' '.repeat(width - pos - 1)}]`
}
