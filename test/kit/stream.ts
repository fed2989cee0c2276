import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

let sequence = 0;

/**
 * Items read back from DynamoDB Local as the records DynamoDB Streams would hand a Lambda:
 * INSERT (or MODIFY) with Keys and NewImage in DynamoDB JSON, and a growing sequence number.
 */
export function streamRecordsOf(
  items: readonly Record<string, unknown>[],
  eventName: 'INSERT' | 'MODIFY' = 'INSERT',
): DynamoDBRecord[] {
  return items.map((item) => {
    const image = marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
    sequence += 1;
    return {
      eventID: `test-${sequence}`,
      eventName,
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: 'us-east-1',
      dynamodb: {
        Keys: { pk: image.pk as AttributeValue, sk: image.sk as AttributeValue },
        NewImage: image,
        SequenceNumber: String(sequence).padStart(21, '0'),
        StreamViewType: 'NEW_IMAGE',
      },
    };
  });
}

export const streamEvent = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
