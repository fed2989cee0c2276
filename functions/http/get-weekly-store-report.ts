import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getWeeklyStoreReport } from '../../shared/reports/operations/get-weekly-store-report';
import { getWeeklyStoreReportQuery } from '../../shared/reports/schema';
import { weeklyStoreCsv } from '../../shared/reports/weekly';

export const handler = authenticatedRoute(
  routes.getWeeklyStoreReport,
  { query: getWeeklyStoreReportQuery },
  async ({ principal, query }) => {
    const report = await getWeeklyStoreReport(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const filename = `weekly-${report.storeCode}-${report.week}.csv`;
    return {
      status: 200,
      content: { type: 'text/csv; charset=utf-8', text: weeklyStoreCsv(report) },
      headers: { 'content-disposition': `attachment; filename="${filename}"` },
    };
  },
);
