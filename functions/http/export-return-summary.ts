import { exportReturnSummaryQuery } from '../../shared/exports/schema';
import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportReturnSummary } from '../../shared/ledgers/operations/export-return-summary';
import { returnSummaryColumns } from '../../shared/ledgers/registers/columns';

export const handler = authenticatedRoute(
  routes.exportReturnSummary,
  { query: exportReturnSummaryQuery },
  async ({ principal, query }) => {
    const summary = await exportReturnSummary(principal, query);
    if (query.format === 'json') return { status: 200, body: summary };
    const name = `${summary.storeCode}-${summary.from}-${summary.to}`;
    const rows = [...summary.days, { ...summary.total, day: '合计' }];
    return fileAnswer(query.format, tableOf('无理由退货处理汇总表', returnSummaryColumns, rows), {
      ascii: `return-summary-${name}`,
      title: `无理由退货处理汇总表-${name}`,
    });
  },
);
