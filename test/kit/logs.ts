import { vi } from 'vitest';
import { logger } from '../../shared/observability/logger';

/**
 * The JSON log lines the service writes while `work` runs, at `level`: the logger writes
 * to stdout, warnings and errors to stderr, as in Lambda.
 */
export async function logsOf(
  work: () => Promise<unknown>,
  level: 'DEBUG' | 'ERROR',
): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }),
  );
  logger.setLogLevel(level);
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
    logger.setLogLevel('SILENT');
  }
  return lines
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
