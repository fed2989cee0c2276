import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  BatchGetCommand,
  documentClientOver,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../shared/db/document';

/**
 * The document-form adapter (shared/db/document.ts) over a real DynamoDBClient whose requests
 * never leave the process: a `serialize` middleware records what the SDK would send and answers
 * in attribute-value form. This is the one test that stands in for DynamoDB (the integration
 * tests run the adapter against DynamoDB Local).
 */
function clientAnswering(output: Record<string, unknown>) {
  const client = new DynamoDBClient({
    region: 'cn-north-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const seenBefore: Record<string, unknown>[] = [];
  client.middlewareStack.add(
    () => async (args) => {
      sent.push({ command: '', input: structuredClone(args.input as Record<string, unknown>) });
      return { output: { $metadata: {}, ...output } as never, response: {} };
    },
    { step: 'serialize', name: 'answerInProcess', priority: 'high' },
  );
  const document = documentClientOver(client, {
    removeUndefinedValues: true,
    convertClassInstanceToMap: false,
  });
  // Like the test kit's capacity recorder: added after the adapter, high priority, sees the document form.
  document.middlewareStack.add(
    (next, context) => async (args) => {
      seenBefore.push(structuredClone(args.input as Record<string, unknown>));
      const last = sent.length;
      const result = await next(args);
      if (sent[last]) sent[last].command = context.commandName ?? '';
      return result;
    },
    { step: 'initialize', name: 'recorder', priority: 'high' },
  );
  return { document, sent, seenBefore };
}

describe('the document client adapter (documentClientOver)', () => {
  it('sends a Get as GetItem with the key marshalled and answers the item unmarshalled', async () => {
    const { document, sent } = clientAnswering({
      Item: { pk: { S: 'T#1' }, sk: { S: 'TICKET' }, version: { N: '3' }, tags: { L: [{ S: '冰箱' }] } },
    });
    const { Item } = await document.send(
      new GetCommand({ TableName: 't', Key: { pk: 'T#1', sk: 'TICKET' }, ConsistentRead: true }),
    );
    expect(sent).toEqual([
      {
        command: 'GetItemCommand',
        input: { TableName: 't', Key: { pk: { S: 'T#1' }, sk: { S: 'TICKET' } }, ConsistentRead: true },
      },
    ]);
    expect(Item).toEqual({ pk: 'T#1', sk: 'TICKET', version: 3, tags: ['冰箱'] });
  });

  it('drops undefined values as lib-dynamodb did with removeUndefinedValues, nested ones too', async () => {
    const { document, sent } = clientAnswering({});
    await document.send(
      new PutCommand({
        TableName: 't',
        Item: { pk: 'a', sk: 'b', note: undefined, contact: { name: '张伟', phone: undefined } },
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': 2 },
      }),
    );
    expect(sent[0]?.input).toEqual({
      TableName: 't',
      Item: { pk: { S: 'a' }, sk: { S: 'b' }, contact: { M: { name: { S: '张伟' } } } },
      ConditionExpression: 'version = :read',
      ExpressionAttributeValues: { ':read': { N: '2' } },
    });
  });

  it('refuses a class instance rather than storing it as a map (convertClassInstanceToMap: false)', async () => {
    const { document } = clientAnswering({});
    await expect(
      document.send(new PutCommand({ TableName: 't', Item: { pk: 'a', at: new Date(0) } })),
    ).rejects.toThrow();
  });

  it('converts an Update both ways (key, values, returned attributes)', async () => {
    const { document, sent } = clientAnswering({ Attributes: { seq: { N: '7' } } });
    const { Attributes } = await document.send(
      new UpdateCommand({
        TableName: 't',
        Key: { pk: 'c', sk: 'd' },
        UpdateExpression: 'ADD seq :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(sent[0]).toMatchObject({
      command: 'UpdateItemCommand',
      input: { Key: { pk: { S: 'c' }, sk: { S: 'd' } }, ExpressionAttributeValues: { ':one': { N: '1' } } },
    });
    expect(Attributes).toEqual({ seq: 7 });
  });

  it('converts a Query: values and start key in, items and the last key out', async () => {
    const { document, sent } = clientAnswering({
      Items: [{ pk: { S: 'p' }, sk: { S: '1' }, open: { BOOL: true } }],
      LastEvaluatedKey: { pk: { S: 'p' }, sk: { S: '1' } },
      Count: 1,
    });
    const output = await document.send(
      new QueryCommand({
        TableName: 't',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'p' },
        ExclusiveStartKey: { pk: 'p', sk: '0' },
      }),
    );
    expect(sent[0]?.input).toMatchObject({
      ExpressionAttributeValues: { ':pk': { S: 'p' } },
      ExclusiveStartKey: { pk: { S: 'p' }, sk: { S: '0' } },
    });
    expect(output).toMatchObject({
      Items: [{ pk: 'p', sk: '1', open: true }],
      LastEvaluatedKey: { pk: 'p', sk: '1' },
      Count: 1,
    });
  });

  it('converts a BatchGet: keys per table in, responses and unprocessed keys out', async () => {
    const { document, sent } = clientAnswering({
      Responses: { t: [{ pk: { S: 'a' }, n: { NULL: true } }] },
      UnprocessedKeys: { t: { Keys: [{ pk: { S: 'b' } }] } },
    });
    const output = await document.send(
      new BatchGetCommand({ RequestItems: { t: { Keys: [{ pk: 'a' }, { pk: 'b' }] } } }),
    );
    expect(sent[0]?.input).toEqual({
      RequestItems: { t: { Keys: [{ pk: { S: 'a' } }, { pk: { S: 'b' } }] } },
    });
    expect(output.Responses).toEqual({ t: [{ pk: 'a', n: null }] });
    expect(output.UnprocessedKeys).toEqual({ t: { Keys: [{ pk: 'b' }] } });
  });

  it('converts every action of a TransactWrite, and a middleware added before it sees the document form', async () => {
    const { document, sent, seenBefore } = clientAnswering({});
    const transaction = {
      TransactItems: [
        {
          Put: {
            TableName: 't',
            Item: { pk: 'a', sk: 'b', amount: 800000 },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: 't',
            Key: { pk: 'm', sk: 'M' },
            UpdateExpression: 'SET balance = balance - :x',
            ExpressionAttributeValues: { ':x': 500000 },
          },
        },
        {
          ConditionCheck: {
            TableName: 't',
            Key: { pk: 'c', sk: 'C' },
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        { Delete: { TableName: 't', Key: { pk: 'd', sk: 'D' } } },
      ],
    };
    await document.send(new TransactWriteCommand(transaction));
    expect(seenBefore).toEqual([transaction]);
    expect(sent[0]).toEqual({
      command: 'TransactWriteItemsCommand',
      input: {
        TransactItems: [
          {
            Put: {
              TableName: 't',
              Item: { pk: { S: 'a' }, sk: { S: 'b' }, amount: { N: '800000' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: 't',
              Key: { pk: { S: 'm' }, sk: { S: 'M' } },
              UpdateExpression: 'SET balance = balance - :x',
              ExpressionAttributeValues: { ':x': { N: '500000' } },
            },
          },
          {
            ConditionCheck: {
              TableName: 't',
              Key: { pk: { S: 'c' }, sk: { S: 'C' } },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          { Delete: { TableName: 't', Key: { pk: { S: 'd' }, sk: { S: 'D' } } } },
        ],
      },
    });
  });
});
