/**
 * The one table definition. CDK builds the DynamoDB table from it and the local runtime
 * issues CreateTable from it, so the two cannot drift. Pure data: safe to import in Lambda code.
 */
/** The least table access a function needs; CDK grants exactly this. */
export type TableAccess = 'none' | 'read' | 'readwrite';

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  /** Non-key attributes copied into the index; absent means ALL. */
  readonly include?: readonly string[];
}

export interface TableDefinition {
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Epoch seconds; items carrying it (idempotency records, expired reservations) are removed by DynamoDB. */
  readonly timeToLiveAttribute: string;
  /**
   * What the table's change stream carries. Both images: items that keep their history on
   * themselves (revisits, merchants, front-office ledgers) tell what is new only as the
   * difference between the old and the new history (shared/stream/events.ts).
   */
  readonly streamView: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

export const serviceDeskTable = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  // Index key attributes are short on purpose: they are stored on every item that has the view,
  // and an item's size (names included) is what its reads and writes cost in capacity units.
  globalSecondaryIndexes: [
    // A store's work in one status, oldest or newest first: ticket queues, due revisits.
    {
      indexName: 'byStoreStatus',
      partitionKey: { name: 'sspk', type: 'S' },
      sortKey: { name: 'sssk', type: 'S' },
    },
    // A store's tickets in creation order (ULID sort keys also serve created-time ranges).
    {
      indexName: 'byStore',
      partitionKey: { name: 'stpk', type: 'S' },
      sortKey: { name: 'stsk', type: 'S' },
    },
    // An assignee's tickets, open ones apart ("my open tickets").
    {
      indexName: 'byAssignee',
      partitionKey: { name: 'aspk', type: 'S' },
      sortKey: { name: 'assk', type: 'S' },
    },
    // A customer's tickets and revisits: their history with the chain.
    {
      indexName: 'byCustomer',
      partitionKey: { name: 'cupk', type: 'S' },
      sortKey: { name: 'cusk', type: 'S' },
    },
    // Due timers, sharded (`DUE#<n>` / `<due or lease time>#…`): the sweeper's only read. The one
    // index that spans tenants, by design; request paths never read it.
    {
      indexName: 'due',
      partitionKey: { name: 'duePk', type: 'S' },
      sortKey: { name: 'dueSk', type: 'S' },
      include: ['generation', 'queue', 'kind', 'dueAt', 'dispatches', 'state'],
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES',
} as const satisfies TableDefinition;

export type IndexName = (typeof serviceDeskTable.globalSecondaryIndexes)[number]['indexName'];

/** Default physical name for local mode; in AWS, CloudFormation names the table and passes it as TABLE_NAME. */
export const localTableName = 'service-desk';
