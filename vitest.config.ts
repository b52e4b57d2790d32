import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Two cores on CI: keep workers few so timing-sensitive integration tests are not starved.
    poolOptions: {forks: {maxForks: 2, minForks: 1}},
    pool: 'forks',
  },
})
