import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { dropTable, ensureTable, localAwsEnvironment } from '../../infra/local/dynamodb';

/*
 * Every test file gets a table of its own on the run's one DynamoDB Local. Files that sweep every
 * timer shard or read the whole change stream then see only their own items, and the kit's
 * tenant snapshots scan a small table instead of everything the run has written so far.
 */
const endpoint = inject('dynamoEndpoint');
const tableName = `service-desk-test-${randomUUID().slice(0, 8)}`;

// Set before any handler module loads, as Lambda sets its environment before init.
Object.assign(process.env, localAwsEnvironment, {
  TABLE_NAME: tableName,
  AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  LOG_LEVEL: 'SILENT',
  // The consumers' EMF lines (shared/observability/metrics.ts) are checked by unit tests; here noise.
  POWERTOOLS_METRICS_DISABLED: 'true',
});
await ensureTable(endpoint, tableName);
// Dropped with its file: DynamoDB Local keeps every table in one small Java heap.
afterAll(() => dropTable(endpoint, tableName));
