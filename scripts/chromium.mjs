// How the project starts Debian's Chromium headless, for tests and scripts alike: the machine has
// no network, so background networking, updates and sync are off; every run gets its own profile.

/** Launch options for `chromium.launchPersistentContext(freshProfileDir, { ...CHROMIUM_LAUNCH, … })`. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
