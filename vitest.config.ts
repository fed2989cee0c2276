import { defineConfig } from 'vitest/config';

/** `npm test` runs every project; `npx vitest run --project unit` runs one. */
export default defineConfig({
  test: {
    // Lambda runs Node 22; the SDK's notice about Node 20 test machines is noise.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Vitest's default on 2 cores is one worker: every file in turn. Integration files mostly wait
    // on DynamoDB Local (a Java process of its own), so three at a time overlap that waiting.
    maxWorkers: 3,
    projects: [
      // Bounds, not paces (every core may be busy): a slow machine must not fail a healthy test.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One DynamoDB Local for the whole run; every test file works in tenants of its own.
          globalSetup: ['test/kit/dynamodb-global-setup.ts'],
          setupFiles: ['test/kit/integration-env.ts'],
          // A bound, not a pace: SLA tests drive several timer steps through DynamoDB Local and take
          // ~10 s alone; beside the access matrix and the reconciliation with every core busy, the
          // transition matrix's bigger cases took 60 s.
          testTimeout: 180_000,
          // Fixtures in beforeAll create stores, staff and tickets: many requests, not one.
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One DynamoDB Local for the e2e files too: each service gets a table of its own in it
          // (test/kit/local-service.ts), where each used to start a JVM of its own.
          globalSetup: ['test/kit/dynamodb-global-setup.ts'],
          setupFiles: ['test/kit/e2e-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each e2e file starts its own local service (ports of its own), so they share the pool
          // with the other projects: in a group of their own (one at a time, or any worker count
          // of their own) they ran after everything else, 7 to 10 minutes of the run.
        },
      },
    ],
  },
});
