import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { corsPolicy } from '../../infra/cors';
import {
  buildApp,
  maxRoutesPerNestedStack,
  routeGroupOf,
  routeGroups,
  type ServiceDeskStack,
  timerLagAlarmSeconds,
} from '../../infra/stack';
import { defaultPublicThrottle, defaultThrottle } from '../../infra/throttling';
import { staffRoles } from '../../shared/access/roles';
import { serviceDeskTable } from '../../shared/db/table';
import { type HttpRoute, httpRoutes } from '../../shared/http/route-table';
import { metricNames, metricsNamespace, serviceName } from '../../shared/observability/metric-names';
import { streamConsumers, streamFilterPattern } from '../../shared/stream/consumers';
import { queueConsumers, scheduledFunctions, timerQueues } from '../../shared/timers/functions';
import { timerParkedLogMessage } from '../../shared/timers/schema';

/**
 * Synthesizes the stack from the route table and table definition and checks the templates
 * against them: the parent's, and each nested stack of HTTP routes (one per route group, see
 * `routeGroupOf`), which holds its routes' functions, roles, alarms and API routes. Bundling is skipped (no esbuild run), so each variant synthesizes in seconds;
 * `npx cdk synth` exercises real bundling.
 */

const skipBundling = { 'aws:cdk:bundling-stacks': [] };
const oidc = { oidcIssuer: 'https://idp.example.com', oidcAudience: 'service-desk' };

const routes = Object.entries(httpRoutes) as [string, HttpRoute][];
const scheduled = Object.entries(scheduledFunctions);
const queueConsumerEntries = Object.entries(queueConsumers);
const streamConsumerEntries = Object.entries(streamConsumers);
/** Every function that is not an HTTP route's or scheduled: the queue and stream consumers. */
const consumers = [...queueConsumerEntries, ...streamConsumerEntries];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}
interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Runs `build` on first use and replays its result (or its error) afterwards. */
function once<T>(build: () => T): () => T {
  let outcome: { value: T } | { error: unknown } | undefined;
  return () => {
    if (!outcome) {
      try {
        outcome = { value: build() };
      } catch (error) {
        outcome = { error };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}

/**
 * Each variant is built and synthesized once and shared by the tests that need it. buildApp
 * registers cdk-nag, so synthesis itself fails on an unacknowledged nag error; the nag test
 * below only needs the construct tree and reports the offending rules by name.
 */
interface Variant {
  readonly stack: () => ServiceDeskStack;
  /** The parent stack's template. */
  readonly template: () => Template;
  /** Each nested route stack's template, by route group. */
  readonly nested: () => ReadonlyMap<string, Template>;
}
function variant(context: Record<string, unknown>): Variant {
  const stack = once(() => buildApp({ context: { ...skipBundling, ...context } }).stack);
  const template = once(() => Template.fromStack(stack()));
  const nested = once(
    () => new Map([...stack().httpRouteStacks].map(([group, nested]) => [group, Template.fromStack(nested)])),
  );
  return { stack, template, nested };
}
const withUserPool = variant({});
const withOidc = variant(oidc);

function resourcesOfType(template: Template, type: string): [string, CfnResource][] {
  return Object.entries(template.findResources(type) as Record<string, CfnResource>);
}

/** The parent's template and every nested stack's. */
function allTemplates(v: Variant): Template[] {
  return [v.template(), ...v.nested().values()];
}

/** Resources of a type across the parent and all nested stacks. */
function resourcesEverywhere(v: Variant, type: string): [string, CfnResource][] {
  return allTemplates(v).flatMap((template) => resourcesOfType(template, type));
}

/** The template that holds the function built for `name`: its route group's nested stack, or the parent. */
function templateFor(v: Variant, name: string): Template {
  const route = (httpRoutes as Readonly<Record<string, HttpRoute>>)[name];
  if (!route) return v.template();
  const template = v.nested().get(routeGroupOf(route));
  if (!template) throw new Error(`no nested stack for ${name}`);
  return template;
}

/**
 * What the parent passes to a nested stack's parameters (the AWS::CloudFormation::Stack resource's
 * Parameters), so a `{ Ref: parameter }` inside the nested template can be followed to the parent.
 */
function parametersFromParent(v: Variant, group: string): Record<string, unknown> {
  const nested = v.stack().httpRouteStacks.get(group)?.nestedStackResource;
  if (!nested) throw new Error(`no nested stack for group ${group}`);
  const logicalId = v.stack().getLogicalId(nested as CfnElement);
  const resource = v.template().toJSON().Resources[logicalId] as CfnResource | undefined;
  expect(resource?.Type, logicalId).toBe('AWS::CloudFormation::Stack');
  return (resource?.Properties.Parameters ?? {}) as Record<string, unknown>;
}

/** A value in `group`'s nested template as the parent sees it: a parameter Ref becomes what the parent passes. */
function viaParent(v: Variant, group: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'Ref' in value) {
    const parameters = parametersFromParent(v, group);
    const ref = (value as { Ref: string }).Ref;
    if (ref in parameters) return parameters[ref];
  }
  return value;
}

/** `createTicket` → the logical id of `CreateTicketFunction` (construct id + CDK's hash suffix). */
function logicalIdOf(template: Template, type: string, constructId: string): string {
  const pattern = new RegExp(`^${constructId}[0-9A-F]{8}$`);
  const matches = resourcesOfType(template, type).filter(([logicalId]) => pattern.test(logicalId));
  expect(matches, `${type} ${constructId}`).toHaveLength(1);
  return (matches[0] as [string, CfnResource])[0];
}

function stem(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** All IAM actions the function's role may perform, across its policies. */
function roleActions(template: Template, name: string): string[] {
  const roleId = logicalIdOf(template, 'AWS::IAM::Role', `${stem(name)}Role`);
  const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
  expect(
    resourcesOfType(template, 'AWS::Lambda::Function').find(([id]) => id === fnId)?.[1].Properties.Role,
  ).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  return resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}

function routeByTableAccess(access: HttpRoute['tableAccess']): string {
  const found = routes.find(([, route]) => route.tableAccess === access);
  if (!found) throw new Error(`the route table has no route with tableAccess ${access}`);
  return found[0];
}

describe('ServiceDeskStack, default variant (Cognito user pool)', () => {
  it('creates one arm64 nodejs22.x function per route and per scheduled function', () => {
    const functions = resourcesEverywhere(withUserPool, 'AWS::Lambda::Function');
    expect(functions).toHaveLength(routes.length + scheduled.length + consumers.length);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: expect.any(Number),
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
    for (const [name, { tableAccess }] of [...routes, ...scheduled]) {
      const template = templateFor(withUserPool, name);
      const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
      const environment = resourcesOfType(template, 'AWS::Lambda::Function').find(([id]) => id === fnId)?.[1]
        .Properties.Environment;
      const variables = (environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
      expect(variables).toMatchObject({
        SERVICE_NAME: 'service-desk',
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect('TABLE_NAME' in variables, `${name} TABLE_NAME`).toBe(tableAccess !== 'none');
      // In a nested stack TABLE_NAME is a parameter: the parent must pass the table's name.
      const route = (httpRoutes as Readonly<Record<string, HttpRoute>>)[name];
      if (tableAccess !== 'none') {
        const tableId = logicalIdOf(withUserPool.template(), 'AWS::DynamoDB::Table', 'ServiceDeskTable');
        const tableName = route
          ? viaParent(withUserPool, routeGroupOf(route), variables.TABLE_NAME)
          : variables.TABLE_NAME;
        expect(tableName, `${name} TABLE_NAME`).toEqual({ Ref: tableId });
      }
    }
  });

  it('creates one API route per route-table entry, JWT-authorized exactly where auth is jwt', () => {
    const parent = withUserPool.template();
    expect(resourcesEverywhere(withUserPool, 'AWS::ApiGatewayV2::Route')).toHaveLength(routes.length);
    const apiId = logicalIdOf(parent, 'AWS::ApiGatewayV2::Api', 'HttpApi');
    const authorizerId = logicalIdOf(parent, 'AWS::ApiGatewayV2::Authorizer', 'StaffJwtAuthorizer');
    for (const [name, route] of routes) {
      // Each route lives in its group's nested stack, with its integration and function.
      const group = routeGroupOf(route);
      const template = templateFor(withUserPool, name);
      const apiRoutes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route');
      const integrations = resourcesOfType(template, 'AWS::ApiGatewayV2::Integration');
      const routeKey = route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
      const matching = apiRoutes.filter(([, r]) => r.Properties.RouteKey === routeKey);
      expect(matching, routeKey).toHaveLength(1);
      const properties = (matching[0] as [string, CfnResource])[1].Properties;
      expect(viaParent(withUserPool, group, properties.ApiId), routeKey).toEqual({ Ref: apiId });
      if (route.auth === 'jwt') {
        expect(properties.AuthorizationType, routeKey).toBe('JWT');
        // The parent's one authorizer, passed in as a parameter.
        expect(viaParent(withUserPool, group, properties.AuthorizerId), routeKey).toEqual({
          Ref: authorizerId,
        });
      } else {
        expect(properties.AuthorizationType, routeKey).not.toBe('JWT');
        expect(properties.AuthorizerId, routeKey).toBeUndefined();
      }
      // The route reaches the function built from this entry's handler.
      const integrationId = (properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].find(
        (part): part is { Ref: string } => typeof part === 'object' && part !== null && 'Ref' in part,
      )?.Ref;
      const integration = integrations.find(([id]) => id === integrationId)?.[1];
      const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
      expect(integration?.Properties.IntegrationUri, routeKey).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
      // API Gateway may invoke the function, from this API only.
      const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').filter(
        ([, permission]) =>
          JSON.stringify(permission.Properties.FunctionName) ===
          JSON.stringify({ 'Fn::GetAtt': [fnId, 'Arn'] }),
      );
      expect(permissions, routeKey).toHaveLength(1);
      expect((permissions[0] as [string, CfnResource])[1].Properties.Principal).toBe(
        'apigateway.amazonaws.com',
      );
    }
    expect(
      resourcesEverywhere(withUserPool, 'AWS::ApiGatewayV2::Route').filter(
        ([, r]) => r.Properties.RouteKey === '$default',
      ),
    ).toHaveLength(1);
  });

  it('logs API access as JSON to a log group on the $default stage', () => {
    const template = withUserPool.template();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HttpApiAccessLogs'), 'Arn'] },
        Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId' })),
      },
    });
  });

  it('builds the table from serviceDeskTable: keys, GSIs, TTL, PITR, on-demand, retained', () => {
    const tables = resourcesEverywhere(withUserPool, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0] as [string, CfnResource];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    const { partitionKey, sortKey, globalSecondaryIndexes, timeToLiveAttribute } = serviceDeskTable;
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
      KeySchema: [
        { AttributeName: partitionKey.name, KeyType: 'HASH' },
        { AttributeName: sortKey.name, KeyType: 'RANGE' },
      ],
    });
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection:
          'include' in index && index.include
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
            : { ProjectionType: 'ALL' },
      })),
    );
    const keys = [
      partitionKey,
      sortKey,
      ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keys.map((key) => ({ AttributeName: key.name, AttributeType: key.type }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(keys.length);
  });

  it('creates an encrypted, SSL-only queue with a dead-letter queue per timer queue', () => {
    const template = withUserPool.template();
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');
    // Two per timer queue, and each change-stream consumer's on-failure queue.
    expect(queues).toHaveLength(timerQueues.length * 2 + streamConsumerEntries.length);
    expect(resourcesEverywhere(withUserPool, 'AWS::SQS::Queue')).toHaveLength(
      timerQueues.length * 2 + streamConsumerEntries.length,
    );
    for (const name of timerQueues) {
      const queueId = logicalIdOf(template, 'AWS::SQS::Queue', `${stem(name)}Queue`);
      const deadLetterId = logicalIdOf(template, 'AWS::SQS::Queue', `${stem(name)}DeadLetterQueue`);
      const queue = queues.find(([id]) => id === queueId)?.[1];
      const deadLetter = queues.find(([id]) => id === deadLetterId)?.[1];
      expect(queue?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        VisibilityTimeout: 60,
        RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterId, 'Arn'] } },
      });
      expect(deadLetter?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      for (const id of [queueId, deadLetterId]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: id }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    }
  });

  it('alarms on every dead-letter queue, every function and API 5xx, notifying an encrypted SSL-only topic', () => {
    const template = withUserPool.template();
    const topicId = logicalIdOf(template, 'AWS::SNS::Topic', 'AlarmTopic');
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    // Nested stacks' alarms notify the same topic, passed in as a parameter.
    for (const [group, nested] of withUserPool.nested()) {
      for (const [id, alarm] of resourcesOfType(nested, 'AWS::CloudWatch::Alarm')) {
        const actions = alarm.Properties.AlarmActions as unknown[];
        expect(actions, `${group} ${id}`).toHaveLength(1);
        expect(viaParent(withUserPool, group, actions[0]), `${group} ${id}`).toEqual({ Ref: topicId });
      }
    }
    const atLeastOne = { Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' };

    for (const name of timerQueues) {
      const deadLetterId = logicalIdOf(template, 'AWS::SQS::Queue', `${stem(name)}DeadLetterQueue`);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...atLeastOne,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterId, 'QueueName'] } }],
      });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...atLeastOne,
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Statistic: 'Sum',
      Period: 300,
    });
    for (const [name] of [...routes, ...scheduled]) {
      const home = templateFor(withUserPool, name);
      const fnId = logicalIdOf(home, 'AWS::Lambda::Function', `${stem(name)}Function`);
      home.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...atLeastOne,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      });
    }
    expect(resourcesEverywhere(withUserPool, 'AWS::CloudWatch::Alarm')).toHaveLength(
      timerQueues.length +
        1 +
        routes.length +
        scheduled.length +
        consumers.length +
        1 +
        // Each change-stream consumer's dead-letter and record-failure alarms.
        streamConsumerEntries.length * 2 +
        // TimerLagAlarm
        1,
    );
  });

  it('alarms on the first timer the sweeper parks, counted from its log line', () => {
    const template = withUserPool.template();
    const sweeperLogs = logicalIdOf(template, 'AWS::Logs::LogGroup', 'SweeperLogs');
    const filters = resourcesEverywhere(withUserPool, 'AWS::Logs::MetricFilter');
    expect(filters).toHaveLength(1);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: sweeperLogs },
      FilterPattern: `{ $.message = "${timerParkedLogMessage}" }`,
      MetricTransformations: [
        { MetricNamespace: 'ServiceDesk', MetricName: 'TimersParked', MetricValue: '1' },
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'ServiceDesk',
      MetricName: 'TimersParked',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('runs each scheduled function on its EventBridge rate, with send rights on every timer queue', () => {
    const template = withUserPool.template();
    for (const [name, { everyMinutes }] of scheduled) {
      const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: everyMinutes === 1 ? 'rate(1 minute)' : `rate(${everyMinutes} minutes)`,
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      });
      expect(roleActions(template, name)).toContain('sqs:SendMessage');
    }
    expect(scheduledFunctions.sweeper.everyMinutes).toBe(1);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
  });

  it('feeds each timer queue to its consumer with partial batch failures, visibility ≥ 6× its timeout', () => {
    const template = withUserPool.template();
    expect(queueConsumerEntries.length).toBeGreaterThan(0);
    for (const [name, consumer] of queueConsumerEntries) {
      const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
      const queueId = logicalIdOf(template, 'AWS::SQS::Queue', `${stem(consumer.queue)}Queue`);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId },
        EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        BatchSize: consumer.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      const timeout = template.toJSON().Resources[fnId].Properties.Timeout as number;
      const visibility = template.toJSON().Resources[queueId].Properties.VisibilityTimeout as number;
      expect(timeout).toBe(consumer.timeoutSeconds);
      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
      expect(roleActions(template, name)).toEqual(
        expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
      );
    }
  });

  it('turns on the table stream and feeds each stream consumer, filtered to its item kinds, with a DLQ and an alarm', () => {
    const template = withUserPool.template();
    const [[tableId, table]] = resourcesOfType(template, 'AWS::DynamoDB::Table') as [[string, CfnResource]];
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(streamConsumerEntries.length).toBeGreaterThan(0);
    for (const [name, consumer] of streamConsumerEntries) {
      const fnId = logicalIdOf(template, 'AWS::Lambda::Function', `${stem(name)}Function`);
      const dlqId = logicalIdOf(template, 'AWS::SQS::Queue', `${stem(name)}StreamDeadLetterQueue`);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId },
        EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: consumer.batchSize,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: consumer.maxRetries,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify(streamFilterPattern(consumer)) }] },
      });
      expect(JSON.parse(JSON.stringify(streamFilterPattern(consumer)))).toMatchObject({
        dynamodb: { NewImage: { entity: { S: [...consumer.entities] } } },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      });
      // A failed record alarms at once (for report aggregates: a count not made yet), by consumer.
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: metricsNamespace,
        MetricName: metricNames.streamRecordFailures,
        Dimensions: Match.arrayWith([
          { Name: 'consumer', Value: name },
          { Name: 'service', Value: serviceName },
        ]),
        Threshold: 1,
      });
      expect(roleActions(template, name)).toEqual(
        expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'sqs:SendMessage']),
      );
    }
  });

  it('grants each function exactly the table access its route-table entry states', () => {
    const readOnlyRoute = routeByTableAccess('read');
    const readOnly = roleActions(templateFor(withUserPool, readOnlyRoute), readOnlyRoute);
    expect(readOnly).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const action of writeActions) expect(readOnly).not.toContain(action);

    const noTableRoute = routeByTableAccess('none');
    const noTable = roleActions(templateFor(withUserPool, noTableRoute), noTableRoute);
    expect(noTable.filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    expect(noTable).toEqual(expect.arrayContaining(['logs:CreateLogStream', 'logs:PutLogEvents']));

    const readWriteRoute = routeByTableAccess('readwrite');
    expect(roleActions(templateFor(withUserPool, readWriteRoute), readWriteRoute)).toEqual(
      expect.arrayContaining(writeActions),
    );

    for (const [name, { tableAccess }] of [...routes, ...scheduled]) {
      const actions = roleActions(templateFor(withUserPool, name), name);
      const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
      if (tableAccess === 'none') expect(dynamo, name).toEqual([]);
      if (tableAccess === 'read')
        expect(
          dynamo.filter((a) => writeActions.includes(a)),
          name,
        ).toEqual([]);
      if (tableAccess === 'readwrite') expect(dynamo, name).toEqual(expect.arrayContaining(writeActions));
      // No function may touch the queues but the ones that dispatch timers.
      if (!(name in scheduledFunctions))
        expect(
          actions.filter((a) => a.startsWith('sqs:')),
          name,
        ).toEqual([]);
    }
    // Functions log through their own role, not AWSLambdaBasicExecutionRole.
    for (const [, role] of resourcesEverywhere(withUserPool, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    // The table every nested stack grants on is the parent's one table.
    const tableId = logicalIdOf(withUserPool.template(), 'AWS::DynamoDB::Table', 'ServiceDeskTable');
    for (const group of withUserPool.nested().keys()) {
      expect(parametersFromParent(withUserPool, group).TableArn, group).toEqual({
        'Fn::GetAtt': [tableId, 'Arn'],
      });
    }
  });

  it('creates the staff user pool, one group per staff role, and points the JWT authorizer at it', () => {
    const template = withUserPool.template();
    const poolId = logicalIdOf(template, 'AWS::Cognito::UserPool', 'StaffUserPool');
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: false }),
        Match.objectLike({ Name: 'store_ids', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
    const groups = resourcesOfType(template, 'AWS::Cognito::UserPoolGroup');
    expect(groups.map(([, group]) => group.Properties.GroupName).sort()).toEqual([...staffRoles].sort());
    for (const [, group] of groups) expect(group.Properties.UserPoolId).toEqual({ Ref: poolId });

    const clientId = logicalIdOf(template, 'AWS::Cognito::UserPoolClient', 'StaffUserPoolStaffAppClient');
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    expect(resourcesEverywhere(withUserPool, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: { 'Fn::GetAtt': [poolId, 'ProviderURL'] }, Audience: [{ Ref: clientId }] },
    });
    template.hasOutput('UserPoolId', { Value: { Ref: poolId } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: clientId } });
    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', {});
  });

  it('has no unacknowledged cdk-nag AwsSolutions errors', () => {
    const stack = withUserPool.stack();
    const violations = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack).violations;
    const warnings = violations.filter((v) => v.severity !== 'error');
    if (warnings.length > 0) console.warn('cdk-nag warnings:', JSON.stringify(warnings, null, 2));
    expect(violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('would catch a nag error: an unencrypted queue without a DLQ fails the check and the synthesis', () => {
    // Control for the test above: a fresh app with one non-compliant queue added to the stack.
    const { app, stack } = buildApp({ context: skipBundling });
    new sqs.Queue(stack, 'NonCompliantQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const errors = new AwsSolutionsChecks()
      .validateScope(stack)
      .violations.filter((v) => v.severity === 'error')
      .map((v) => v.ruleName);
    expect(errors).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
  });

  it('would catch a nag error inside a nested route stack too', () => {
    const { app, stack } = buildApp({ context: skipBundling });
    const nested = stack.httpRouteStacks.get('tickets');
    if (!nested) throw new Error('no nested stack for the tickets routes');
    new sqs.Queue(nested, 'NonCompliantQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const errors = new AwsSolutionsChecks()
      .validateScope(stack)
      .violations.filter((v) => v.severity === 'error')
      .map((v) => v.ruleName);
    expect(errors).toEqual(expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS4']));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2/);
  });
});

describe('ServiceDeskStack, nested stacks of HTTP routes', () => {
  /** CloudFormation refuses a template over 500 resources; 400 leaves room for a deploy's worth of growth. */
  const resourceBudget = 400;

  it('keeps the parent and every nested stack within the resource budget, every function in one of them', () => {
    const counts = new Map<string, number>([
      ['(parent)', Object.keys(withUserPool.template().toJSON().Resources).length],
      ...[...withUserPool.nested()].map(
        ([group, template]) => [group, Object.keys(template.toJSON().Resources).length] as const,
      ),
    ]);
    for (const [stackName, count] of counts) expect(count, stackName).toBeLessThanOrEqual(resourceBudget);

    expect(resourcesEverywhere(withUserPool, 'AWS::Lambda::Function')).toHaveLength(
      routes.length + scheduled.length + consumers.length,
    );
    // The parent keeps the sweeper and the consumers; each group's routes are in its nested stack.
    expect(resourcesOfType(withUserPool.template(), 'AWS::Lambda::Function')).toHaveLength(
      scheduled.length + consumers.length,
    );
    const groups = routeGroups(httpRoutes);
    expect([...withUserPool.nested().keys()].sort()).toEqual([...groups.keys()].sort());
    for (const [group, entries] of groups) {
      const template = withUserPool.nested().get(group) as Template;
      expect(resourcesOfType(template, 'AWS::Lambda::Function'), group).toHaveLength(entries.length);
      expect(resourcesOfType(template, 'AWS::ApiGatewayV2::Route'), group).toHaveLength(entries.length);
      expect(entries.length, group).toBeLessThanOrEqual(maxRoutesPerNestedStack);
    }
    // Every nested stack is a resource of the parent.
    expect(resourcesOfType(withUserPool.template(), 'AWS::CloudFormation::Stack')).toHaveLength(groups.size);
  });

  it('groups a route by its own path, so adding a route moves no other route', () => {
    expect(routeGroupOf(httpRoutes.createTicket)).toBe('tickets');
    expect(routeGroupOf({ ...httpRoutes.createTicket, path: '/v1/tickets/{ticketId}/comments' })).toBe(
      'tickets',
    );
    expect(routeGroupOf({ ...httpRoutes.createTicket, path: '/v1/sla-policies' })).toBe('sla-policies');
    const before = routeGroups(httpRoutes);
    // A new route first in the table, in a group of its own and in an existing one.
    const after = routeGroups({
      aNewThing: { ...httpRoutes.createTicket, path: '/v1/new-things' },
      aNewTicketRoute: { ...httpRoutes.createTicket, path: '/v1/tickets/{ticketId}/new' },
      ...httpRoutes,
    });
    for (const [group, entries] of before) {
      const names = (after.get(group) ?? []).map(([name]) => name).filter((name) => !name.startsWith('aNew'));
      expect(names, group).toEqual(entries.map(([name]) => name));
    }
    expect(after.get('new-things')?.map(([name]) => name)).toEqual(['aNewThing']);
  });

  it('refuses a group larger than one nested stack should hold', () => {
    const crowded = Object.fromEntries(
      Array.from({ length: maxRoutesPerNestedStack + 1 }, (_, i) => [
        `thing${i}`,
        { ...httpRoutes.createTicket, path: `/v1/things/{thingId}/step${i}` },
      ]),
    );
    expect(() => routeGroups(crowded)).toThrow(/exceed 40 per nested stack/);
    expect(() =>
      routeGroups(Object.fromEntries(Object.entries(crowded).slice(0, maxRoutesPerNestedStack))),
    ).not.toThrow();
  });
});

describe('ServiceDeskStack, external OIDC provider variant', () => {
  it('creates no user pool and authorizes with the given issuer and audience', () => {
    const template = withOidc.template();
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    expect(resourcesEverywhere(withOidc, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: oidc.oidcIssuer, Audience: [oidc.oidcAudience] },
    });
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['ApiUrl', 'TableName']);
    const jwtRoutes = routes.filter(([, route]) => route.auth === 'jwt').length;
    expect(
      resourcesEverywhere(withOidc, 'AWS::ApiGatewayV2::Route').filter(
        ([, r]) => r.Properties.AuthorizationType === 'JWT',
      ),
    ).toHaveLength(jwtRoutes);
  });

  it.each([
    ['only the issuer', { oidcIssuer: oidc.oidcIssuer }, /both .*oidcIssuer and oidcAudience/],
    ['only the audience', { oidcAudience: oidc.oidcAudience }, /both .*oidcIssuer and oidcAudience/],
    ['an http issuer', { ...oidc, oidcIssuer: 'http://idp.example.com' }, /https/],
    ['an issuer that is no URL', { ...oidc, oidcIssuer: 'idp.example.com' }, /https/],
  ])('rejects context with %s', (_case, context, message) => {
    expect(() => buildApp({ context: { ...skipBundling, ...context } })).toThrow(message);
  });
});

describe('ServiceDeskStack, CORS for browser clients (corsOrigins context)', () => {
  const origins = ['https://desk.example.com', 'http://localhost:5173'];
  const withCors = variant({ corsOrigins: origins.join(',') });

  it('answers preflights in API Gateway for exactly the configured origins, with the shared policy', () => {
    const api = resourcesOfType(withCors.template(), 'AWS::ApiGatewayV2::Api');
    expect(api).toHaveLength(1);
    expect(api[0]?.[1].Properties.CorsConfiguration).toEqual({
      AllowOrigins: origins,
      AllowMethods: [...corsPolicy.allowMethods],
      AllowHeaders: [...corsPolicy.allowHeaders],
      ExposeHeaders: [...corsPolicy.exposeHeaders],
      MaxAge: corsPolicy.maxAgeSeconds,
    });
  });

  it('allows no browser origin by default', () => {
    const api = resourcesOfType(withUserPool.template(), 'AWS::ApiGatewayV2::Api');
    expect(api[0]?.[1].Properties.CorsConfiguration).toBeUndefined();
  });

  it.each([
    ['a path', 'https://desk.example.com/app'],
    ['no scheme', 'desk.example.com'],
    ['a trailing slash', 'https://desk.example.com/'],
  ])('rejects an origin with %s', (_case, origin) => {
    expect(() => buildApp({ context: { ...skipBundling, corsOrigins: origin } })).toThrow(/corsOrigins/);
  });
});

describe('ServiceDeskStack, default throttling on the stage (throttle / publicThrottle context)', () => {
  const stageOf = (template: Template) => {
    const stages = resourcesOfType(template, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    return stages[0]?.[1] as CfnResource & { DependsOn?: string[] };
  };
  const publicRouteKeys = routes
    .filter(([, route]) => route.auth === 'none')
    .map(([, route]) => (route.path === '$default' ? '$default' : `${route.method} ${route.path}`));

  it('limits every route by default, and the public routes (no authorizer) lower', () => {
    const stage = stageOf(withUserPool.template());
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: defaultThrottle.rateLimit,
      ThrottlingBurstLimit: defaultThrottle.burstLimit,
    });
    expect(publicRouteKeys).toEqual(expect.arrayContaining(['GET /v1/health', '$default']));
    expect(Object.keys(stage.Properties.RouteSettings as object).sort()).toEqual([...publicRouteKeys].sort());
    for (const key of publicRouteKeys) {
      expect((stage.Properties.RouteSettings as Record<string, unknown>)[key]).toEqual({
        ThrottlingRateLimit: defaultPublicThrottle.rateLimit,
        ThrottlingBurstLimit: defaultPublicThrottle.burstLimit,
      });
    }
    // Route settings name route keys; the routes live in the nested stacks, created first.
    expect(stage.DependsOn?.filter((id) => id.includes('Routes')).length).toBe(
      new Set(routes.map(([, route]) => routeGroupOf(route))).size,
    );
  });

  it('takes both limits from the context', () => {
    const stage = stageOf(
      variant({ throttle: '50/100', publicThrottle: { rateLimit: 5, burstLimit: 10 } }).template(),
    );
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    expect((stage.Properties.RouteSettings as Record<string, unknown>)['GET /v1/health']).toEqual({
      ThrottlingRateLimit: 5,
      ThrottlingBurstLimit: 10,
    });
  });

  it.each([
    ['no burst', '50'],
    ['a zero rate', '0/10'],
    ['a burst over 5000', '50/6000'],
    ['words', 'fast'],
  ])('rejects a throttle with %s', (_case, throttle) => {
    expect(() => buildApp({ context: { ...skipBundling, throttle } })).toThrow(/throttle/);
  });
});

describe('ServiceDeskStack, the timer lag alarm', () => {
  it('alarms on the consumers’ TimerLag metric, by the names the code emits', () => {
    withUserPool.template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: metricsNamespace,
      MetricName: metricNames.timerLag,
      Dimensions: [{ Name: 'service', Value: serviceName }],
      Statistic: 'Maximum',
      Threshold: timerLagAlarmSeconds,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: Match.anyValue(),
    });
  });
});
