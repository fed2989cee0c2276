import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  App,
  CfnOutput,
  CfnParameter,
  Duration,
  NestedStack,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct, IConstruct } from 'constructs';
import { staffRoles } from '../shared/access/roles';
import { type KeyAttribute, serviceDeskTable } from '../shared/db/table';
import { type HttpRoute, type HttpRouteName, httpRoutes } from '../shared/http/route-table';
import { metricNames, metricsNamespace, serviceName } from '../shared/observability/metric-names';
import { streamConsumers, streamFilterPattern } from '../shared/stream/consumers';
import {
  queueConsumers,
  scheduledFunctions,
  timerQueueSettings,
  timerQueues,
} from '../shared/timers/functions';
import { timerParkedLogMessage } from '../shared/timers/schema';
import { filesBesideCode } from './bundled-files';
import { corsPolicy, parseCorsOrigins } from './cors';
import { defaultPublicThrottle, defaultThrottle, parseThrottle } from './throttling';

/** Repository root: handler paths in the route table are relative to it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type TableAccess = HttpRoute['tableAccess'];

/**
 * Every cdk-nag AwsSolutions finding we accept, with the reason, in one place.
 * Each is acknowledged on the narrowest construct it concerns (see the `acknowledge` calls
 * below), never on the whole stack. cdk-nag 3 acknowledges findings one by one, so the IAM5
 * entry names the exact wildcard resource it accepts. Not needed, hence absent: IAM4 (each
 * function has its own role, no AWSLambdaBasicExecutionRole) and SQS3 (cdk-nag recognises a
 * queue that is another queue's dead-letter target).
 */
export const nagAcknowledgements = {
  /** On every function. */
  lambdaRuntime: {
    id: 'AwsSolutions-L1',
    reason:
      'DESIGN §2 fixes the runtime at nodejs22.x for every function; moving to a newer runtime is a deliberate, tested change, not a lint fix.',
  },
  /**
   * On the role of every function that reads or writes the table. `tableArn` is the table ARN as
   * cdk-nag prints it in that function's stack: `<ServiceDeskTable….Arn>` in the parent, the
   * `<TableArn>` parameter in a nested route stack.
   */
  tableIndexes: (tableArn: string) => ({
    id: `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
    reason:
      'Grants on the one service-desk table include its GSIs (the queue views of docs/data-model.md); the index/* wildcard covers only indexes of that single table.',
  }),
  /** On the routes the route table marks `auth: 'none'`: today /v1/health and $default. */
  publicRoute: {
    id: 'AwsSolutions-APIG4',
    reason:
      'Deliberately public: /v1/health is the liveness probe and $default only returns a problem+json 404 for unmatched paths; neither touches data (tableAccess none).',
  },
  /** On the dead-letter queue of each change-stream consumer. */
  streamDeadLetters: {
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is the on-failure destination of a DynamoDB stream event source (records a consumer gave up on); it is the dead-letter queue, so it has none of its own.',
  },
  /** On the role of each change-stream consumer. */
  streamListing: {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'A DynamoDB stream event source needs dynamodb:ListStreams, which IAM does not scope to a resource (it is granted on *); the stream reads (DescribeStream, GetRecords, GetShardIterator) are scoped to the table’s stream ARN.',
  },
  /** On the user pool (only when the stack creates it). */
  userPoolPlusTier: {
    id: 'AwsSolutions-COG8',
    reason:
      'Threat protection needs the Cognito Plus feature plan, billed per monthly active user; the Essentials plan with required TOTP MFA, no self sign-up and a strong password policy is the accepted baseline for staff accounts.',
  },
} as const;

/** Where the API's callers get their tokens: our own Cognito pool, or an external OIDC provider. */
export interface ExternalIdentityProvider {
  readonly issuer: string;
  readonly audience: readonly string[];
}

/**
 * Reads and validates the `oidcIssuer` / `oidcAudience` CDK context (both or neither).
 * Returns undefined when neither is set: the stack then creates its own Cognito user pool.
 */
export function externalIdentityProviderFrom(scope: IConstruct): ExternalIdentityProvider | undefined {
  const issuer = contextString(scope, 'oidcIssuer');
  const audience = contextString(scope, 'oidcAudience');
  if (issuer === undefined && audience === undefined) return undefined;
  if (issuer === undefined || audience === undefined) {
    throw new Error(
      'Set both CDK context values oidcIssuer and oidcAudience (e.g. -c oidcIssuer=https://idp.example.com -c oidcAudience=service-desk), or neither to let the stack create a Cognito user pool.',
    );
  }
  if (!URL.canParse(issuer) || new URL(issuer).protocol !== 'https:') {
    throw new Error(`CDK context oidcIssuer must be an https:// URL, got '${issuer}'.`);
  }
  const audiences = audience
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (audiences.length === 0) throw new Error('CDK context oidcAudience must name at least one audience.');
  return { issuer, audience: audiences };
}

function contextString(scope: IConstruct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  // `-c key=123` may arrive as a number; anything else is a typo worth stopping on.
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new Error(`CDK context ${key} must be a string.`);
  return value === '' ? undefined : value;
}

/**
 * `createTicket` → `CreateTicket`, `front_desk` → `FrontDesk`, `sla-policies` → `SlaPolicies`: the
 * stem of construct ids derived from names.
 */
function constructStem(name: string): string {
  return name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function attributeType(type: KeyAttribute['type']): dynamodb.AttributeType {
  return type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER;
}

function keyAttribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: attributeType(key.type) };
}

/** Every alarm here fires on the first occurrence: one 5xx, one error, one dead letter. */
function alarmOnAny(
  scope: Construct,
  alarmId: string,
  description: string,
  metric: cloudwatch.IMetric,
  action: cloudwatch.IAlarmAction,
): void {
  new cloudwatch.Alarm(scope, alarmId, {
    alarmDescription: description,
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(action);
}

/** Where a function's table, alarms and nag acknowledgements come from, as seen in its own stack. */
interface FunctionContext {
  readonly table: dynamodb.ITable;
  /** The table name for TABLE_NAME (a parameter in a nested stack). */
  readonly tableName: string;
  /** The table ARN as cdk-nag prints it in this stack (see `nagAcknowledgements.tableIndexes`). */
  readonly tableArnInFindings: string;
  readonly alarmAction: cloudwatch.IAlarmAction;
}

/**
 * One function in `scope`'s stack with everything it owns: its log group, its own role (it may
 * write to its own log group only, no AWSLambdaBasicExecutionRole), exactly the table access its
 * entry states, the nag acknowledgements and an alarm on its errors. Construct ids derive from the
 * function's name alone, so adding another function never changes them.
 */
function serviceFunction(
  scope: Construct,
  context: FunctionContext,
  name: string,
  handler: string,
  tableAccess: TableAccess,
  environment: Record<string, string> = {},
  timeoutSeconds = 10,
  filesBesideCode?: (inputDir: string, outputDir: string) => string[],
): nodejs.NodejsFunction {
  const stem = constructStem(name);
  const logGroup = new logs.LogGroup(scope, `${stem}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  const role = new iam.Role(scope, `${stem}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  logGroup.grantWrite(role);
  const fn = new nodejs.NodejsFunction(scope, `${stem}Function`, {
    entry: path.join(repoRoot, handler),
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 256,
    timeout: Duration.seconds(timeoutSeconds),
    role,
    logGroup,
    projectRoot: repoRoot,
    depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
    environment: {
      ...(tableAccess === 'none' ? {} : { TABLE_NAME: context.tableName }),
      SERVICE_NAME: serviceName,
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      ...environment,
    },
    bundling: {
      minify: true,
      sourceMap: true,
      format: nodejs.OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      // Chinese text (problem details, zod's zh-CN messages) as UTF-8: 3 bytes a character
      // instead of esbuild's default \uXXXX escapes (6 bytes).
      charset: nodejs.Charset.UTF8,
      // Bundle the AWS SDK rather than take the runtime's: measured by `npm run bench`, a bundled
      // SDK starts ~30 ms faster (one minified file instead of many CommonJS modules to load), and
      // it pins the SDK version the tests ran with. The price is bundle bytes, reported there.
      externalModules: [],
      // ESM bundles still meet CommonJS dependencies that call require().
      banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      ...(filesBesideCode
        ? {
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: filesBesideCode,
            },
          }
        : {}),
    },
  });
  if (tableAccess === 'read') context.table.grantReadData(fn);
  if (tableAccess === 'readwrite') context.table.grantReadWriteData(fn);
  Validations.of(fn).acknowledge(nagAcknowledgements.lambdaRuntime);
  if (tableAccess !== 'none') {
    Validations.of(role).acknowledge(nagAcknowledgements.tableIndexes(context.tableArnInFindings));
  }
  alarmOnAny(
    scope,
    `${stem}ErrorsAlarm`,
    `${name}: the function reported errors in the last 5 minutes.`,
    fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
    context.alarmAction,
  );
  return fn;
}

/**
 * At most this many routes share a nested stack. Each route costs 8 resources (function, role,
 * policy, log group, alarm, integration, permission, route), so 40 routes are ~320 resources:
 * well under CloudFormation's 500 per template, with room for a group to grow before it is split.
 */
export const maxRoutesPerNestedStack = 40;

/** TimerLagAlarm's threshold, in seconds. */
export const timerLagAlarmSeconds = 300;

/**
 * The nested stack a route lives in: its resource, the first path segment after the version
 * (`/v1/tickets/{ticketId}` → `tickets`, `/v1/sla-policies` → `sla-policies`); `$default` → `default`.
 *
 * The group depends on the route's own path only, never on its position in the table or on other
 * routes, and construct ids inside a group derive from the route's name. So adding a route never
 * moves or renames another route's resources. That matters: CloudFormation creates a moved
 * resource in its new stack before deleting it from the old one, so a route moved between nested
 * stacks would replace its function and fail on API Gateway's duplicate route key. (Chunking the
 * table by position, e.g. every 40 routes, would do exactly that whenever a route is inserted.)
 */
export function routeGroupOf(route: HttpRoute): string {
  if (route.path === '$default') return 'default';
  const [first, second] = route.path.split('/').filter((segment) => segment !== '');
  const group = first !== undefined && /^v\d+$/.test(first) ? second : first;
  if (group === undefined) throw new Error(`Route path '${route.path}' names no resource to group it by.`);
  return group;
}

/** The route table by group (see `routeGroupOf`), in table order; fails when a group outgrows its stack. */
export function routeGroups(routes: Readonly<Record<string, HttpRoute>>): Map<string, [string, HttpRoute][]> {
  const groups = new Map<string, [string, HttpRoute][]>();
  for (const [name, route] of Object.entries(routes)) {
    const group = routeGroupOf(route);
    groups.set(group, [...(groups.get(group) ?? []), [name, route]]);
  }
  for (const [group, entries] of groups) {
    if (entries.length > maxRoutesPerNestedStack) {
      throw new Error(
        `${entries.length} routes under /${group} exceed ${maxRoutesPerNestedStack} per nested stack; give part of them a group of their own in routeGroupOf.`,
      );
    }
  }
  return groups;
}

export interface HttpRoutesStackProps {
  /** The group's name (`routeGroupOf`) and its routes by route-table name. */
  readonly group: string;
  readonly routes: readonly (readonly [string, HttpRoute])[];
  readonly table: dynamodb.ITable;
  readonly httpApi: apigw.IHttpApi;
  readonly authorizer: apigw.HttpAuthorizer;
  readonly alarmTopic: sns.ITopic;
}

/**
 * One group of HTTP routes as a nested stack: per route its function (log group, role, policy,
 * errors alarm) and its API Gateway integration, permission and route. The API, the authorizer,
 * the table and the alarm topic stay in the parent and arrive as references.
 */
export class HttpRoutesStack extends NestedStack {
  /** The group's functions by route-table name. */
  readonly functions: ReadonlyMap<string, nodejs.NodejsFunction>;

  constructor(scope: Construct, id: string, props: HttpRoutesStackProps) {
    super(scope, id, {
      description: `Service desk HTTP routes of /${props.group}: functions, alarms and API routes`,
      parameters: { TableName: props.table.tableName, TableArn: props.table.tableArn },
    });
    // The table arrives as named parameters rather than CDK's generated cross-stack references, so
    // its ARN has a stable name in this template and in the cdk-nag finding acknowledged below.
    const tableName = new CfnParameter(this, 'TableName', {
      type: 'String',
      description: 'The service desk table (parent stack)',
    }).valueAsString;
    const tableArn = new CfnParameter(this, 'TableArn', {
      type: 'String',
      description: 'ARN of the service desk table (parent stack)',
    }).valueAsString;
    const context: FunctionContext = {
      // Imported tables grant their indexes only when asked; the parent's table has GSIs.
      table: dynamodb.Table.fromTableAttributes(this, 'ServiceDeskTable', {
        tableArn,
        grantIndexPermissions: true,
      }),
      tableName,
      tableArnInFindings: '<TableArn>',
      alarmAction: new SnsAction(props.alarmTopic),
    };
    // The parent owns the authorizer (one per API); routes here attach to it by id.
    const authorizer = apigw.HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'StaffJwtAuthorizer', {
      authorizerId: props.authorizer.authorizerId,
      authorizerType: apigw.HttpAuthorizerType.JWT,
    });
    const functions = new Map<string, nodejs.NodejsFunction>();
    for (const [name, route] of props.routes) {
      const fn = serviceFunction(
        this,
        context,
        name,
        route.handler,
        route.tableAccess,
        {},
        undefined,
        (inputDir, outputDir) => filesBesideCode(name as HttpRouteName, inputDir, outputDir),
      );
      functions.set(name, fn);
      const integration = new HttpLambdaIntegration(`${constructStem(name)}Integration`, fn);
      const apiRoute = new apigw.HttpRoute(this, `${constructStem(name)}Route`, {
        httpApi: props.httpApi,
        routeKey:
          route.path === '$default'
            ? apigw.HttpRouteKey.DEFAULT
            : apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration,
        // The route table decides, $default included (it is `auth: 'none'` there today).
        ...(route.auth === 'jwt' ? { authorizer } : {}),
      });
      if (route.auth === 'none') Validations.of(apiRoute).acknowledge(nagAcknowledgements.publicRoute);
    }
    this.functions = functions;
  }
}

/**
 * The service desk: the HTTP API, its JWT authorizer and access logs, the table, the timer queues,
 * the alarm topic, the sweeper and the queue consumers live here; the HTTP routes' functions and
 * API routes live in nested stacks, one per resource (`HttpRoutesStack`, `routeGroupOf`), so no
 * template nears CloudFormation's 500-resource limit as the route table grows.
 */
export class ServiceDeskStack extends Stack {
  readonly table: dynamodb.Table;
  readonly httpApi: apigw.HttpApi;
  readonly alarmTopic: sns.Topic;
  readonly timerQueues: ReadonlyMap<string, sqs.Queue>;
  /** Every function of the app, by route-table or scheduled-function name (nested stacks' included). */
  readonly functions: ReadonlyMap<string, nodejs.NodejsFunction>;
  /** The nested stacks of HTTP routes, by group (`routeGroupOf`). */
  readonly httpRouteStacks: ReadonlyMap<string, HttpRoutesStack>;
  /** The staff user pool and its app client; undefined when an external OIDC provider issues tokens. */
  readonly userPool: cognito.UserPool | undefined;
  readonly userPoolClient: cognito.UserPoolClient | undefined;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const externalIdentity = externalIdentityProviderFrom(this);

    this.table = this.createTable();
    const tableLogicalId = this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable);

    this.alarmTopic = this.createAlarmTopic();
    const alarmAction = new SnsAction(this.alarmTopic);
    const context: FunctionContext = {
      table: this.table,
      tableName: this.table.tableName,
      tableArnInFindings: `<${tableLogicalId}.Arn>`,
      alarmAction,
    };
    const functions = new Map<string, nodejs.NodejsFunction>();

    // Timer transport: the durable timer lives in the table, the queue only carries it.
    const queues = new Map<string, sqs.Queue>();
    for (const name of timerQueues) {
      const queue = this.createTimerQueue(name);
      queues.set(name, queue.queue);
      alarmOnAny(
        this,
        `${constructStem(name)}DeadLetterAlarm`,
        `${name} timers failed 5 times and sit in the dead-letter queue.`,
        queue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        alarmAction,
      );
    }
    this.timerQueues = queues;

    let identity: ExternalIdentityProvider;
    if (externalIdentity) {
      identity = externalIdentity;
    } else {
      const { userPool, client } = this.createUserPool();
      this.userPool = userPool;
      this.userPoolClient = client;
      identity = { issuer: userPool.userPoolProviderUrl, audience: [client.userPoolClientId] };
    }

    // No default stage from HttpApi: its props cannot set access logging, HttpStage can.
    // Browser clients: API Gateway answers preflights and adds the headers for the origins allowed
    // by the `corsOrigins` context; none by default (the same policy as the local server's CORS_ORIGINS).
    const corsOrigins = parseCorsOrigins(this.node.tryGetContext('corsOrigins'), 'CDK context corsOrigins');
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Service desk HTTP API',
      createDefaultStage: false,
      ...(corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: corsOrigins,
              allowMethods: corsPolicy.allowMethods.map((method) => apigw.CorsHttpMethod[method]),
              allowHeaders: [...corsPolicy.allowHeaders],
              exposeHeaders: [...corsPolicy.exposeHeaders],
              maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
            },
          }
        : {}),
    });
    // Created here, not by HttpJwtAuthorizer on first use: that would put it inside whichever
    // nested stack binds a JWT route first.
    const authorizer = new apigw.HttpAuthorizer(this, 'StaffJwtAuthorizer', {
      httpApi: this.httpApi,
      authorizerName: 'StaffJwtAuthorizer',
      type: apigw.HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: identity.issuer,
      jwtAudience: [...identity.audience],
    });
    const accessLogs = new logs.LogGroup(this, 'HttpApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const throttle = parseThrottle(
      this.node.tryGetContext('throttle'),
      'CDK context throttle',
      defaultThrottle,
    );
    const publicThrottle = parseThrottle(
      this.node.tryGetContext('publicThrottle'),
      'CDK context publicThrottle',
      defaultPublicThrottle,
    );
    const stage = new apigw.HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const routeStacks = new Map<string, HttpRoutesStack>();
    for (const [group, routes] of routeGroups(httpRoutes)) {
      const nested = new HttpRoutesStack(this, `Http${constructStem(group)}Routes`, {
        group,
        routes,
        table: this.table,
        httpApi: this.httpApi,
        authorizer,
        alarmTopic: this.alarmTopic,
      });
      routeStacks.set(group, nested);
      for (const [name, fn] of nested.functions) functions.set(name, fn);
    }
    this.httpRouteStacks = routeStacks;
    // Public routes (no authorizer in front of them) get the lower limit. Route settings name
    // route keys, which must exist when the stage is updated: the routes live in the nested stacks.
    // The property is untyped JSON to CDK, so CloudFormation's own (Pascal case) names.
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(
      Object.values(httpRoutes)
        .filter((route) => route.auth === 'none')
        .map((route) => [
          route.path === '$default' ? '$default' : `${route.method} ${route.path}`,
          { ThrottlingRateLimit: publicThrottle.rateLimit, ThrottlingBurstLimit: publicThrottle.burstLimit },
        ]),
    );
    for (const nested of routeStacks.values()) stage.node.addDependency(nested);

    const queueUrls = Object.fromEntries(
      [...queues].map(([name, queue]) => [`${name.toUpperCase()}_QUEUE_URL`, queue.queueUrl]),
    );
    for (const [name, scheduled] of Object.entries(scheduledFunctions)) {
      const fn = serviceFunction(this, context, name, scheduled.handler, scheduled.tableAccess, queueUrls);
      functions.set(name, fn);
      // The sweeper (re)dispatches timers to every timer queue.
      for (const queue of queues.values()) queue.grantSendMessages(fn);
      new events.Rule(this, `${constructStem(name)}Schedule`, {
        description: `Runs ${name} every ${scheduled.everyMinutes} minute(s).`,
        schedule: events.Schedule.rate(Duration.minutes(scheduled.everyMinutes)),
        // A sweep that cannot start soon is pointless: the next one is due a minute later.
        targets: [new targets.LambdaFunction(fn, { maxEventAge: Duration.minutes(2), retryAttempts: 2 })],
      });
    }
    // A timer the sweeper parks (it kept failing, or cannot be swept at all) needs an operator.
    const sweeper = functions.get('sweeper');
    if (!sweeper) throw new Error('The sweeper is a scheduled function.');
    const parkedTimers = new logs.MetricFilter(this, 'TimerParkedMetricFilter', {
      logGroup: sweeper.logGroup,
      metricNamespace: metricsNamespace,
      metricName: 'TimersParked',
      filterPattern: logs.FilterPattern.stringValue('$.message', '=', timerParkedLogMessage),
      metricValue: '1',
    });
    alarmOnAny(
      this,
      'TimerParkedAlarm',
      'The sweeper parked a timer as failed (see its failureReason and the sweeper log); its effect will not happen by itself.',
      parkedTimers.metric({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      alarmAction,
    );
    // Consumers apply timer effects; a failed record alone returns to the queue.
    for (const [name, consumer] of Object.entries(queueConsumers)) {
      const queue = queues.get(consumer.queue);
      if (!queue) throw new Error(`${name} consumes ${consumer.queue}, which is not a timer queue.`);
      const fn = serviceFunction(
        this,
        context,
        name,
        consumer.handler,
        consumer.tableAccess,
        {},
        consumer.timeoutSeconds,
      );
      functions.set(name, fn);
      fn.addEventSource(
        new SqsEventSource(queue, { batchSize: consumer.batchSize, reportBatchItemFailures: true }),
      );
    }
    // Change-stream consumers (DESIGN §4): the table's stream, filtered to the item kinds each
    // wants; a failing record is retried alone (bisect, batch item failures), then parked.
    for (const [name, consumer] of Object.entries(streamConsumers)) {
      const fn = serviceFunction(
        this,
        context,
        name,
        consumer.handler,
        consumer.tableAccess,
        {},
        consumer.timeoutSeconds,
      );
      functions.set(name, fn);
      const deadLetters = new sqs.Queue(this, `${constructStem(name)}StreamDeadLetterQueue`, {
        retentionPeriod: Duration.days(14),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      Validations.of(deadLetters).acknowledge(nagAcknowledgements.streamDeadLetters);
      if (fn.role) Validations.of(fn.role).acknowledge(nagAcknowledgements.streamListing);
      fn.addEventSource(
        new DynamoEventSource(this.table, {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          retryAttempts: consumer.maxRetries,
          onFailure: new SqsDlq(deadLetters),
          filters: [lambda.FilterCriteria.filter(streamFilterPattern(consumer))],
        }),
      );
      alarmOnAny(
        this,
        `${constructStem(name)}StreamDeadLetterAlarm`,
        `${name} gave up on change-stream records after ${consumer.maxRetries} retries; they sit in its dead-letter queue.`,
        deadLetters.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        alarmAction,
      );
      // Before the dead letters: a record failed once (for report aggregates, a count not made yet).
      alarmOnAny(
        this,
        `${constructStem(name)}StreamRecordFailuresAlarm`,
        `${name} could not handle a change-stream record (StreamRecordFailures); it retries from that record, then parks it.`,
        new cloudwatch.Metric({
          namespace: metricsNamespace,
          metricName: metricNames.streamRecordFailures,
          dimensionsMap: { service: serviceName, consumer: name },
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.SUM,
        }),
        alarmAction,
      );
    }
    this.functions = functions;
    // Timers should fire within a sweep (a minute) of their time; five minutes late is a wake-up
    // call missed or an escalation not made in time, whatever the cause (sweeper, queue, consumer).
    new cloudwatch.Alarm(this, 'TimerLagAlarm', {
      alarmDescription: `A timer's effect happened ${timerLagAlarmSeconds} s or more after it was due (TimerLag, the consumers' EMF metric).`,
      metric: new cloudwatch.Metric({
        namespace: metricsNamespace,
        metricName: metricNames.timerLag,
        dimensionsMap: { service: serviceName },
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: timerLagAlarmSeconds,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);

    alarmOnAny(
      this,
      'HttpApiServerErrorsAlarm',
      'The HTTP API returned 5xx responses in the last 5 minutes.',
      this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      alarmAction,
    );

    new CfnOutput(this, 'ApiUrl', {
      value: `${this.httpApi.apiEndpoint}/`,
      description: 'Base URL of the service desk HTTP API ($default stage)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The service desk table' });
    if (this.userPool && this.userPoolClient) {
      new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    }
  }

  private createTable(): dynamodb.Table {
    const table = new dynamodb.Table(this, 'ServiceDeskTable', {
      partitionKey: keyAttribute(serviceDeskTable.partitionKey),
      sortKey: keyAttribute(serviceDeskTable.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: serviceDeskTable.timeToLiveAttribute,
      stream: dynamodb.StreamViewType[serviceDeskTable.streamView],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Tickets, revisits and timers are the durable truth: never lost to a stack deletion.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of serviceDeskTable.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: keyAttribute(index.partitionKey),
        sortKey: keyAttribute(index.sortKey),
        ...('include' in index && index.include
          ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.include] }
          : { projectionType: dynamodb.ProjectionType.ALL }),
      });
    }
    return table;
  }

  /**
   * Alarm notifications. Encrypted with our own key: CloudWatch alarms cannot publish to a topic
   * encrypted with the AWS-managed alias/aws/sns key (its key policy cannot grant them kms:Decrypt),
   * so that key would silently drop every alarm.
   */
  private createAlarmTopic(): sns.Topic {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the service desk alarm topic',
      enableKeyRotation: true,
    });
    const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    const topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Service desk alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // enforceSSL replaces the default topic policy, so allow this account's alarms explicitly.
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    return topic;
  }

  private createTimerQueue(name: string): { queue: sqs.Queue; deadLetterQueue: sqs.Queue } {
    const stem = constructStem(name);
    const deadLetterQueue = new sqs.Queue(this, `${stem}DeadLetterQueue`, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const longestConsumer = Math.max(
      0,
      ...Object.values(queueConsumers)
        .filter((consumer) => consumer.queue === name)
        .map((consumer) => consumer.timeoutSeconds),
    );
    // AWS's rule for Lambda event sources: visibility at least 6× the consumer's timeout.
    if (timerQueueSettings.visibilityTimeoutSeconds < 6 * longestConsumer) {
      throw new Error(`${name}: visibility timeout must be at least 6 × ${longestConsumer} s.`);
    }
    const queue = new sqs.Queue(this, `${stem}Queue`, {
      visibilityTimeout: Duration.seconds(timerQueueSettings.visibilityTimeoutSeconds),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: timerQueueSettings.maxReceiveCount },
    });
    return { queue, deadLetterQueue };
  }

  private createUserPool(): { userPool: cognito.UserPool; client: cognito.UserPoolClient } {
    const userPool = new cognito.UserPool(this, 'StaffUserPool', {
      // Staff accounts are created by managers and admins, never by the public.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      customAttributes: {
        // Which tenant a staff member belongs to never changes; the stores they serve do.
        tenant_id: new cognito.StringAttribute({ mutable: false }),
        store_ids: new cognito.StringAttribute({ mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(userPool).acknowledge(nagAcknowledgements.userPoolPlusTier);
    staffRoles.forEach((role, rank) => {
      new cognito.UserPoolGroup(this, `${constructStem(role)}Group`, {
        userPool,
        groupName: role,
        description: `Service desk staff role ${role}`,
        // Higher roles take precedence when a staff member is in several groups.
        precedence: staffRoles.length - 1 - rank,
      });
    });
    const client = userPool.addClient('StaffAppClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      disableOAuth: true,
    });
    return { userPool, client };
  }
}

export interface BuildAppOptions {
  /** CDK context, as `-c key=value` would set it (e.g. oidcIssuer, or `aws:cdk:bundling-stacks` in tests). */
  readonly context?: Record<string, unknown>;
}

/** The app as `cdk synth` builds it: one stack (with its nested route stacks), checked by cdk-nag AwsSolutions at synthesis. */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: ServiceDeskStack } {
  const app = new App(options.context ? { context: options.context } : {});
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  // Without credentials both are unset and the stack stays environment-agnostic, so synth works offline.
  const stack = new ServiceDeskStack(app, 'ServiceDesk', {
    description: 'Service desk backend: HTTP API, Lambda functions, DynamoDB table, timer queues',
    ...(account || region ? { env: { account, region } } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
