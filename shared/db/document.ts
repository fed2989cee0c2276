import {
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  type ConditionCheck,
  type Delete,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  type GetItemCommandOutput,
  type KeysAndAttributes,
  PutItemCommand,
  type PutItemCommandInput,
  type PutItemCommandOutput,
  QueryCommand as QueryItemsCommand,
  type QueryCommandInput as QueryItemsCommandInput,
  type QueryCommandOutput as QueryItemsCommandOutput,
  type Put as SdkPut,
  type Update as SdkUpdate,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
  type TransactWriteItemsCommandOutput,
  UpdateItemCommand,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import {
  marshall,
  type marshallOptions,
  type NativeAttributeValue,
  unmarshall,
} from '@aws-sdk/util-dynamodb';

/*
 * The document form of DynamoDB calls (plain JavaScript values instead of `{ S: … }` attribute
 * values) over the client's own commands, with `marshall`/`unmarshall` of @aws-sdk/util-dynamodb.
 * It stands in for @aws-sdk/lib-dynamodb's DocumentClient, which carries every command of the API
 * into each Lambda bundle, for the six calls this service makes. The conversion is a middleware
 * of the `initialize` step, where lib-dynamodb puts its own, so a middleware added before it (the
 * test kit's capacity recorder) still sees the document form.
 */

/** An item, key or value map in document form. */
export type DocumentMap = Record<string, NativeAttributeValue>;

type Documented<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: undefined extends T[P] ? DocumentMap | undefined : DocumentMap;
};

export type GetCommandInput = Documented<GetItemCommandInput, 'Key'>;
export type GetCommandOutput = Omit<GetItemCommandOutput, 'Item'> & { Item?: DocumentMap };
export type PutCommandInput = Documented<PutItemCommandInput, 'Item' | 'ExpressionAttributeValues'>;
export type PutCommandOutput = Omit<PutItemCommandOutput, 'Attributes'> & { Attributes?: DocumentMap };
export type UpdateCommandInput = Documented<UpdateItemCommandInput, 'Key' | 'ExpressionAttributeValues'>;
export type UpdateCommandOutput = Omit<UpdateItemCommandOutput, 'Attributes'> & { Attributes?: DocumentMap };
export type QueryCommandInput = Documented<
  QueryItemsCommandInput,
  'ExpressionAttributeValues' | 'ExclusiveStartKey'
>;
export type QueryCommandOutput = Omit<QueryItemsCommandOutput, 'Items' | 'LastEvaluatedKey'> & {
  Items?: DocumentMap[];
  LastEvaluatedKey?: DocumentMap;
};
type DocumentKeys = Omit<KeysAndAttributes, 'Keys'> & { Keys: DocumentMap[] };
export type BatchGetCommandInput = Omit<BatchGetItemCommandInput, 'RequestItems'> & {
  RequestItems: Record<string, DocumentKeys>;
};
export type BatchGetCommandOutput = Omit<BatchGetItemCommandOutput, 'Responses' | 'UnprocessedKeys'> & {
  Responses?: Record<string, DocumentMap[]>;
  UnprocessedKeys?: Record<string, DocumentKeys>;
};
/** One action of a TransactWriteItems call, in document form. */
export interface TransactWriteItem {
  Put?: Documented<SdkPut, 'Item' | 'ExpressionAttributeValues'>;
  Update?: Documented<SdkUpdate, 'Key' | 'ExpressionAttributeValues'>;
  Delete?: Documented<Delete, 'Key' | 'ExpressionAttributeValues'>;
  ConditionCheck?: Documented<ConditionCheck, 'Key' | 'ExpressionAttributeValues'>;
}
export type TransactWriteCommandInput = Omit<TransactWriteItemsCommandInput, 'TransactItems'> & {
  TransactItems: TransactWriteItem[];
};
export type TransactWriteCommandOutput = TransactWriteItemsCommandOutput;

/** One of the client's command classes; the document form is converted before it serializes. */
type SdkCommand = new (input: never) => unknown;

/** A call in document form; `Output` only types what `send` answers. */
export class DocumentCommand<Input, Output> {
  declare readonly output?: Output;
  constructor(
    readonly input: Input,
    readonly sdkCommand: SdkCommand,
  ) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  constructor(input: GetCommandInput) {
    super(input, GetItemCommand);
  }
}
export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  constructor(input: PutCommandInput) {
    super(input, PutItemCommand);
  }
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  constructor(input: UpdateCommandInput) {
    super(input, UpdateItemCommand);
  }
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  constructor(input: QueryCommandInput) {
    super(input, QueryItemsCommand);
  }
}
export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  constructor(input: BatchGetCommandInput) {
    super(input, BatchGetItemCommand);
  }
}
export class TransactWriteCommand extends DocumentCommand<
  TransactWriteCommandInput,
  TransactWriteCommandOutput
> {
  constructor(input: TransactWriteCommandInput) {
    super(input, TransactWriteItemsCommand);
  }
}

type Loose = Record<string, unknown>;
/** The attribute maps a request or an answer may hold at its top level or in a transaction action. */
const mapFields = [
  'Item',
  'Key',
  'ExpressionAttributeValues',
  'ExclusiveStartKey',
  'Attributes',
  'LastEvaluatedKey',
];

const mapEntries = <T>(record: Loose, convert: (value: T) => unknown): Loose =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, convert(value as T)]));

function convertMaps(shape: Loose, convert: (map: Loose) => Loose): Loose {
  const converted: Loose = { ...shape };
  for (const field of mapFields) {
    const value = shape[field];
    if (value) converted[field] = convert(value as Loose);
  }
  return converted;
}

/** The document-form request as the SDK command takes it. */
export function toAttributeValues(input: Loose, options: marshallOptions): Loose {
  const toMap = (map: Loose) => marshall(map, options) as Loose;
  const converted = convertMaps(input, toMap);
  if (Array.isArray(input.TransactItems)) {
    converted.TransactItems = input.TransactItems.map((action: Loose) =>
      mapEntries<Loose>(action, (body) => convertMaps(body, toMap)),
    );
  }
  if (input.RequestItems) {
    converted.RequestItems = mapEntries<DocumentKeys>(input.RequestItems as Loose, (request) => ({
      ...request,
      Keys: request.Keys.map(toMap),
    }));
  }
  return converted;
}

/** The SDK's answer in document form. */
export function fromAttributeValues(output: Loose): Loose {
  const fromMap = (map: Loose) => unmarshall(map as Parameters<typeof unmarshall>[0]);
  const converted = convertMaps(output, fromMap);
  if (Array.isArray(output.Items)) converted.Items = output.Items.map(fromMap);
  if (output.Responses) {
    converted.Responses = mapEntries<Loose[]>(output.Responses as Loose, (items) => items.map(fromMap));
  }
  if (output.UnprocessedKeys) {
    converted.UnprocessedKeys = mapEntries<{ Keys?: Loose[] }>(
      output.UnprocessedKeys as Loose,
      (request) => ({
        ...request,
        Keys: request.Keys?.map(fromMap),
      }),
    );
  }
  return converted;
}

type SendOptions = { abortSignal?: AbortSignal };

export interface DocumentClient {
  send<Input, Output>(command: DocumentCommand<Input, Output>, options?: SendOptions): Promise<Output>;
  /** The underlying client's middleware stack (the test kit's capacity recorder hooks in here). */
  readonly middlewareStack: DynamoDBClient['middlewareStack'];
}

/** The document form over `client`: every call through it converts on the way in and out. */
export function documentClientOver(client: DynamoDBClient, options: marshallOptions): DocumentClient {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next({ ...args, input: toAttributeValues(args.input as Loose, options) });
      return {
        ...result,
        output: fromAttributeValues(result.output as unknown as Loose) as unknown as typeof result.output,
      };
    },
    { step: 'initialize', name: 'documentForm', override: true },
  );
  return {
    middlewareStack: client.middlewareStack,
    async send<Input, Output>(command: DocumentCommand<Input, Output>, sendOptions: SendOptions = {}) {
      // The input is in document form until the middleware above converts it.
      const sdkCommand = new command.sdkCommand(command.input as never) as GetItemCommand;
      return (await client.send(sdkCommand, sendOptions)) as unknown as Output;
    },
  };
}
