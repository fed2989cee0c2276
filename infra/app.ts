/**
 * CDK app entry (`cdk.json`: `npx tsx infra/app.ts`). All wiring lives in `buildApp` so the
 * tests synthesize exactly what `cdk synth` does. cdk-nag AwsSolutions runs at synthesis and
 * fails it on any unacknowledged error (see `nagAcknowledgements` in ./stack).
 */
import { buildApp } from './stack';

buildApp();
