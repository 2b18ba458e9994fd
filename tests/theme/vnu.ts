// Test-only: the Nu Html Checker (vnu-jar, on Java) over a folder of built pages.
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'

/** One message of the checker's JSON report. */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

/** vnu-jar's export is the path of the jar. */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'))

/** Checks every HTML file under `dir`; resolves with the checker's messages. */
export function runVnu(dir: string): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--skip-non-html', dir],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = [stderr, stdout].find((text) => text.trim().startsWith('{'))
        if (!output) {
          reject(new Error(`The Nu Html Checker printed no report: ${error?.message ?? ''}\n${stderr}`))
          return
        }
        resolve((JSON.parse(output) as { messages: VnuMessage[] }).messages)
      },
    )
  })
}

/** The errors among the messages, one readable line each (paths relative to `dir`). */
export function vnuErrors(messages: VnuMessage[], dir: string): { count: number; report: string } {
  const errors = messages.filter((m) => m.type !== 'info')
  const report = errors
    .map(
      (m) =>
        `${m.url?.slice(m.url.indexOf(dir) + dir.length) ?? '?'}:${m.lastLine ?? '?'} ${m.message}\n    ${m.extract?.trim() ?? ''}`,
    )
    .join('\n')
  return { count: errors.length, report }
}
