import type { CapacityFigures } from '../test/kit/capacity-budget';

/**
 * Published on-demand prices, us-east-1. NOT fetched by the bench: written down from the AWS
 * price pages as of the date below; check them against the current pages before quoting a number.
 */
export const pricesAsOf = '2025-06 (as last read from the AWS price pages; verify before quoting)';

export const prices = {
  lambdaRequestPerMillion: {
    usd: 0.2,
    source: 'AWS Lambda pricing (aws.amazon.com/lambda/pricing), requests',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    source: 'AWS Lambda pricing, Arm (Graviton2) duration, first 7.5 billion GB-s per month',
  },
  apiGatewayHttpPerMillion: {
    usd: 1.0,
    source:
      'Amazon API Gateway pricing (aws.amazon.com/api-gateway/pricing), HTTP APIs, first 300 million per month',
  },
  dynamoWritePerMillion: {
    usd: 0.625,
    source: 'Amazon DynamoDB pricing for on-demand capacity, write request units, Standard table class',
  },
  dynamoReadPerMillion: {
    usd: 0.125,
    source: 'Amazon DynamoDB pricing for on-demand capacity, read request units, Standard table class',
  },
  sqsPerMillion: {
    usd: 0.4,
    source: 'Amazon SQS pricing (aws.amazon.com/sqs/pricing), standard queue requests after the free tier',
  },
  logsIngestionPerGb: {
    usd: 0.5,
    source: 'Amazon CloudWatch pricing (aws.amazon.com/cloudwatch/pricing), logs ingestion, Standard class',
  },
} as const;

/** For scale only: one agent seat of a hosted help desk, per month. */
export const helpDeskSeat = {
  usdPerMonth: 55,
  what: 'Zendesk Suite Team, one agent per month, billed annually',
  source: 'zendesk.com/pricing',
  asOf: pricesAsOf,
};

export interface OperationInputs {
  readonly operation: string;
  readonly title: string;
  /** Per ticket in the typical life; undefined when not known yet. */
  readonly count: number | undefined;
  readonly capacity?: CapacityFigures;
  /** Median wall time of a warm invocation of the deployed bundle, milliseconds. */
  readonly durationMs?: number;
  /** Bytes the function logs per invocation (measured at Powertools INFO). */
  readonly logBytes?: number;
  /** Why this part cannot be priced yet, when it cannot. */
  readonly missing?: string;
}

export interface OperationCost {
  readonly operation: string;
  readonly title: string;
  readonly count: number;
  readonly billedMs: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Dollars per million tickets, by component, for `count` invocations per ticket. */
  readonly usdPerMillionTickets: {
    readonly apiGateway: number;
    readonly lambdaRequests: number;
    readonly lambdaDuration: number;
    readonly dynamoReads: number;
    readonly dynamoWrites: number;
    readonly logs: number;
    readonly total: number;
  };
}

export interface CostModel {
  readonly memoryMb: number;
  readonly priced: readonly OperationCost[];
  readonly notPriced: readonly { operation: string; title: string; count: number | undefined; why: string }[];
  /** Sum over the priced parts only. */
  readonly usdPerMillionTicketsMeasured: number;
  readonly byComponent: OperationCost['usdPerMillionTickets'];
  /** What 10 ms more per invocation would add, per million tickets (duration sensitivity). */
  readonly usdPerMillionTicketsPer10msMore: number;
  /** Tickets (measured part of their life) one help-desk seat-month pays for. */
  readonly ticketsPerSeatMonth: number;
}

const perMillion = (usdPerMillionUnits: number, units: number) => usdPerMillionUnits * units;

export function costModel(inputs: readonly OperationInputs[], memoryMb: number): CostModel {
  const gb = memoryMb / 1024;
  const priced: OperationCost[] = [];
  const notPriced: CostModel['notPriced'][number][] = [];
  let invocations = 0;
  for (const input of inputs) {
    if (input.missing || input.count === undefined || !input.capacity || input.durationMs === undefined) {
      notPriced.push({
        operation: input.operation,
        title: input.title,
        count: input.count,
        why: input.missing ?? (input.count === undefined ? 'count per ticket not known yet' : 'not measured'),
      });
      continue;
    }
    const n = input.count;
    invocations += n;
    // Lambda bills duration in 1 ms increments.
    const billedMs = Math.ceil(input.durationMs);
    const apiGateway = perMillion(prices.apiGatewayHttpPerMillion.usd, n);
    const lambdaRequests = perMillion(prices.lambdaRequestPerMillion.usd, n);
    const lambdaDuration = n * 1e6 * gb * (billedMs / 1000) * prices.lambdaArmGbSecond.usd;
    const dynamoReads = perMillion(prices.dynamoReadPerMillion.usd, n * input.capacity.readUnits);
    const dynamoWrites = perMillion(prices.dynamoWritePerMillion.usd, n * input.capacity.writeUnits);
    const logs = ((n * 1e6 * (input.logBytes ?? 0)) / 1024 ** 3) * prices.logsIngestionPerGb.usd;
    priced.push({
      operation: input.operation,
      title: input.title,
      count: n,
      billedMs,
      readUnits: input.capacity.readUnits,
      writeUnits: input.capacity.writeUnits,
      usdPerMillionTickets: {
        apiGateway,
        lambdaRequests,
        lambdaDuration,
        dynamoReads,
        dynamoWrites,
        logs,
        total: apiGateway + lambdaRequests + lambdaDuration + dynamoReads + dynamoWrites + logs,
      },
    });
  }
  const sum = (key: keyof OperationCost['usdPerMillionTickets']) =>
    priced.reduce((total, op) => total + op.usdPerMillionTickets[key], 0);
  const byComponent = {
    apiGateway: sum('apiGateway'),
    lambdaRequests: sum('lambdaRequests'),
    lambdaDuration: sum('lambdaDuration'),
    dynamoReads: sum('dynamoReads'),
    dynamoWrites: sum('dynamoWrites'),
    logs: sum('logs'),
    total: sum('total'),
  };
  return {
    memoryMb,
    priced,
    notPriced,
    usdPerMillionTicketsMeasured: byComponent.total,
    byComponent,
    usdPerMillionTicketsPer10msMore: invocations * 1e6 * gb * 0.01 * prices.lambdaArmGbSecond.usd,
    ticketsPerSeatMonth: byComponent.total > 0 ? (helpDeskSeat.usdPerMonth / byComponent.total) * 1e6 : 0,
  };
}
