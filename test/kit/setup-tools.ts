import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/db/client';
import type { SetupTools } from './operations';
import { httpEvent, invokeInProcess } from './targets';

/**
 * Setup runs the real handlers in this process against the same table the measurement uses.
 * Import only after TABLE_NAME and AWS_ENDPOINT_URL_DYNAMODB are set (the client reads them at load).
 */
export const setupTools: SetupTools = {
  async call(route, call) {
    const response = (await invokeInProcess({ kind: 'http', route }, httpEvent(route, call))) as {
      statusCode?: number;
      body?: string;
    };
    return {
      status: response.statusCode ?? 200,
      body: (response.body ? JSON.parse(response.body) : undefined) as never,
    };
  },
  tenant: (label) => `${label}-${randomUUID().slice(0, 8)}`,
  async putItem(item) {
    await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
  },
};
