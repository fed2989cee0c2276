import { inject } from 'vitest';

// The run's one DynamoDB Local (test/kit/dynamodb-global-setup.ts); startLocalService uses it.
process.env.E2E_DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
