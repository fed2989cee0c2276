import { documentClient, tableName } from '../../shared/db/client';
import { PutCommand } from '../../shared/db/document';
import type { SetupTools } from './operations';

/**
 * The raw write the GetItem baseline's setup needs, on the service's own client.
 * Import only after TABLE_NAME and AWS_ENDPOINT_URL_DYNAMODB are set (the client reads them at load).
 */
export const setupTools: SetupTools = {
  async putItem(item) {
    await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
  },
};
