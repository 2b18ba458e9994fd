/**
 * What to tell the person when watching the site folder fails. ENOSPC from inotify is the
 * watch limit; EMFILE is open files (`ulimit -n`) or, from inotify_init, inotify instances:
 * different limits, and raising the watch limit helps with neither.
 */
export function watchErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOSPC')
    return 'The system ran out of file watches. Raise the limit, e.g. `sudo sysctl fs.inotify.max_user_watches=524288`, or exclude large folders from the site folder.'
  if (code === 'EMFILE')
    return 'The system ran out of open files or file-watch instances. Raise the open-file limit (`ulimit -n 65536` in the shell that runs warta dev) or the number of watchers (`sudo sysctl fs.inotify.max_user_instances=1024`), or close other programs that watch files.'
  return `Watching failed: ${(error as Error).message}`
}
