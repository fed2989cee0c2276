import { vi } from 'vitest';

/** One CloudWatch embedded-metric-format line, as Powertools Metrics writes it. */
export interface EmfLine {
  readonly _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[];
  };
  readonly [field: string]: unknown;
}

/** The EMF lines Powertools writes to stdout while `run` runs. */
export async function emfLinesOf(run: () => Promise<unknown>): Promise<EmfLine[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

export const metricLines = (lines: EmfLine[], name: string) =>
  lines.filter((line) => line._aws.CloudWatchMetrics[0]?.Metrics.some((metric) => metric.Name === name));
