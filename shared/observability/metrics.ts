import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { metricNames, metricsNamespace, serviceName } from './metric-names';

/**
 * Operational metrics as CloudWatch embedded metric format (EMF) log lines: no API call on the
 * hot path, CloudWatch extracts them from the log. Only functions off the request path use this
 * (queue and stream consumers); the HTTP handlers' bundles stay without it.
 */
export const metrics = new Metrics({ namespace: metricsNamespace, serviceName });

/** How late a timer's effect happened: fired at − due at, in seconds (never negative). */
export function recordTimerLag(dueAt: string, firedAt: Date): void {
  const lag = Math.max(0, (firedAt.getTime() - Date.parse(dueAt)) / 1000);
  metrics.addMetric(metricNames.timerLag, MetricUnit.Seconds, lag);
}

export { MetricUnit };

/** Counts of one name and one set of dimensions go out as one EMF line each. */
export function recordCount(metric: string, dimensions: Readonly<Record<string, string>>, count = 1): void {
  const line = metrics.singleMetric();
  if (Object.keys(dimensions).length > 0) line.addDimensions({ ...dimensions });
  line.addMetric(metric, MetricUnit.Count, count);
}

/** A change-stream consumer reported records as failed (its batch is retried from the first one). */
export function recordStreamFailures(
  /** A name of shared/stream/consumers.ts (this module stays below the areas). */
  consumer: string,
  response: { batchItemFailures: readonly unknown[] },
): void {
  if (response.batchItemFailures.length > 0) {
    recordCount(metricNames.streamRecordFailures, { consumer }, response.batchItemFailures.length);
  }
}
