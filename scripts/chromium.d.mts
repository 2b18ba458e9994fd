/** Launch options for Debian's Chromium in tests and scripts (see chromium.mjs). */
export declare const CHROMIUM_LAUNCH: { executablePath: string; args: string[] }
