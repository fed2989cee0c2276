import { inject } from 'vitest';
import { localAwsEnvironment } from '../../infra/local/dynamodb';

// Set before any handler module loads, as Lambda sets its environment before init.
Object.assign(process.env, localAwsEnvironment, {
  TABLE_NAME: inject('tableName'),
  AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
  LOG_LEVEL: 'SILENT',
});
