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
}

export const serviceDeskTable = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    // Queue views: tickets by store and status.
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    // Queue views: all tickets of a store, in creation order (also serves created-date ranges).
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
    // Queue views: tickets by assignee, open ones first ("my open tickets").
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
    },
    // Queue views: tickets by customer.
    {
      indexName: 'gsi4',
      partitionKey: { name: 'gsi4pk', type: 'S' },
      sortKey: { name: 'gsi4sk', type: 'S' },
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
} as const satisfies TableDefinition;

export type IndexName = (typeof serviceDeskTable.globalSecondaryIndexes)[number]['indexName'];

/** Default physical name for local mode; in AWS, CloudFormation names the table and passes it as TABLE_NAME. */
export const localTableName = 'service-desk';
