/** Where the preview serves the live-reload event stream. Outside any base path, so it never shadows a page. */
export const LIVE_RELOAD_EVENTS_PATH = '/__warta/events'

/** Where the preview serves the live-reload client script it injects into HTML pages. */
export const LIVE_RELOAD_CLIENT_PATH = '/__warta/client.js'
