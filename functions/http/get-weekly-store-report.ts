import { weeklyStoreTable } from '../../shared/exports/reports';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { getWeeklyStoreReport } from '../../shared/reports/operations/get-weekly-store-report';
import { getWeeklyStoreReportQuery } from '../../shared/reports/schema';

export const handler = authenticatedRoute(
  routes.getWeeklyStoreReport,
  { query: getWeeklyStoreReportQuery },
  async ({ principal, query }) => {
    const report = await getWeeklyStoreReport(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const name = `weekly-${report.storeCode}-${report.week}`;
    return fileAnswer(query.format, weeklyStoreTable(report), {
      ascii: name,
      title: `周报表-${name.slice(7)}`,
    });
  },
);
