import type { Position } from 'unist'
import type { VFile } from 'vfile'
import type { RuleId } from '../errors/catalogue.js'

interface Pending {
  reason: string
  hint: string
  ruleId: RuleId
  place?: Position
  count: number
}

/**
 * Reports each kind of change once per file, at its first place, with how often it happened:
 * an archive post with forty `style` attributes gets one warning, not forty. Messages carry
 * Warta's rule id, `source: 'warta'` and the hint as their `note`, which the content stage
 * turns into diagnostics.
 */
export function createOnceReporter(file: VFile) {
  const pending = new Map<string, Pending>()
  return {
    /** Notes one occurrence of the change `key`; the first one's wording and place are kept. */
    add(key: string, ruleId: RuleId, reason: string, hint: string, place: Position | undefined) {
      const known = pending.get(key)
      if (known) known.count++
      else pending.set(key, { reason, hint, ruleId, place, count: 1 })
    },
    /** Writes the messages to the file. */
    flush() {
      for (const item of pending.values()) {
        const times = item.count > 1 ? ` (${item.count} times in this file; the first is here)` : ''
        const message = file.message(`${item.reason}${times}`, {
          place: item.place,
          ruleId: item.ruleId,
          source: 'warta',
        })
        message.note = item.hint
      }
      pending.clear()
    },
  }
}
