/**
 * CV rendering in process, on one fixed CV that fills two A4 pages (14 work entries, the full
 * fixture's other sections): p50/p99 time to render the PDF in each template (pdfkit, embedded
 * DejaVu fonts subset per document), the JSON Resume document (serialised) and the HTML document.
 * Nothing else runs; the first WARMUP renders of each are not counted.
 *
 *   npm run bench:cv
 *   RUNS=500 npm run bench:cv
 */
import os from 'node:os'
import { renderCvHtml } from '../../server/modules/cv/cv-html.js'
import { renderCvPdf } from '../../server/modules/cv/cv-pdf.js'
import { longCv } from '../../server/modules/cv/cv.fixtures.js'
import { toJsonResume } from '../../server/modules/cv/json-resume.js'

const RUNS = Number(process.env.RUNS ?? 200)
const WARMUP = 20

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number

async function measure(name: string, runs: number, render: () => unknown): Promise<void> {
  for (let i = 0; i < WARMUP; i++) await render()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    await render()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1))
  process.stdout.write(`${name.padEnd(26)} p50 ${fmt(percentile(times, 50)).padStart(7)} ms   p99 ${fmt(percentile(times, 99)).padStart(7)} ms   (${runs} runs)\n`)
}

const classic = longCv('classic')
const compact = longCv('compact')
const pdfBytes = (await renderCvPdf(classic)).length
process.stdout.write(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]?.toFixed(2)}; the classic PDF is ${(pdfBytes / 1024).toFixed(0)} KiB\n`)
await measure('PDF, classic (2 pages)', RUNS, () => renderCvPdf(classic))
await measure('PDF, compact', RUNS, () => renderCvPdf(compact))
await measure('JSON Resume (serialised)', RUNS * 10, () => JSON.stringify(toJsonResume(classic)))
await measure('HTML', RUNS * 10, () => renderCvHtml(classic))
