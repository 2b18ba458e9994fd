import type { EventEmitter } from 'node:events'
import { type Diagnostic, formatDiagnostic } from '../errors/diagnostic.js'
import type { DevEvents, RebuildErrorEvent } from './dev.js'
import type { PreviewServer } from './preview-server.js'

/** How the preview shows what went wrong: as the browser's overlay and as an `error` event. */
export interface PreviewErrors {
  /** A failed rebuild's diagnostics, summed up by the files they are in. */
  show(diagnostics: Diagnostic[]): void
  /** One problem that is not a file's (a build that threw, the watcher), by its message. */
  showOne(diagnostic: Diagnostic, text?: string): void
  /** Called once dev() has returned; an error of the first build is emitted then. */
  started(): void
}

export function createPreviewErrors(
  emitter: EventEmitter<DevEvents>,
  server: () => PreviewServer | undefined,
): PreviewErrors {
  // EventEmitter throws on an `error` nobody listens to, and nobody can listen before dev()
  // resolves: an error of the first build is emitted just after, so that a listener attached
  // at once hears it.
  let returned = false
  let firstBuildError: RebuildErrorEvent | undefined
  const emitError = (event: RebuildErrorEvent): void => {
    if (!returned) firstBuildError = event
    else if (emitter.listenerCount('error') > 0) emitter.emit('error', event)
  }
  return {
    show(diagnostics) {
      const text = diagnostics.map(formatDiagnostic).join('\n')
      const errors = diagnostics.filter((d) => d.severity === 'error')
      server()?.sendError({
        message: `${errors.length} error${errors.length === 1 ? '' : 's'} in ${[...new Set(errors.map((d) => d.file))].join(', ')}`,
        text,
      })
      emitError({ diagnostics, text })
    },
    showOne(diagnostic, text = formatDiagnostic(diagnostic)) {
      server()?.sendError({ message: diagnostic.message, text })
      emitError({ diagnostics: [diagnostic], text })
    },
    started() {
      returned = true
      const event = firstBuildError
      if (event) setImmediate(() => emitError(event))
    },
  }
}
