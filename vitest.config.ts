import { defineConfig } from 'vitest/config'

const shared = { testTimeout: 60_000, hookTimeout: 120_000, globalSetup: ['tests/global-setup.ts'] }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'warta',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [
            '**/node_modules/**',
            'tests/theme/lighthouse.test.ts',
            'tests/images/lighthouse.test.ts',
          ],
        },
      },
      {
        // Lighthouse measures the main thread's work (total blocking time): it runs on its own,
        // after every other suite, so that no other test's Chromium or build competes for the CPU.
        test: {
          ...shared,
          name: 'lighthouse',
          include: ['tests/theme/lighthouse.test.ts', 'tests/images/lighthouse.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
