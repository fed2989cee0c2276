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
