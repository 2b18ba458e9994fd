/**
 * Embargoes lift and articles expire without any file changing: a rebuild when the schedule
 * says. `schedule(next)` sets the one timer (the schedule's next change, an ISO date, or none).
 */
export function createClockRebuild(now: () => number, rebuild: () => void) {
  let timer: NodeJS.Timeout | undefined
  return {
    schedule(next: string | null) {
      clearTimeout(timer)
      if (!next) return
      const delay = Date.parse(next) - now()
      // setTimeout holds at most about 24.8 days; a later change is rescheduled by the rebuilds before it.
      timer = setTimeout(rebuild, Math.min(Math.max(delay, 0) + 1000, 2 ** 31 - 1))
      timer.unref()
    },
    stop: () => clearTimeout(timer),
  }
}
