import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getSlaReport } from '../../shared/reports/operations/get-sla-report';
import { getSlaReportQuery } from '../../shared/reports/schema';
import { slaReportCsv } from '../../shared/reports/sla';

export const handler = authenticatedRoute(
  routes.getSlaReport,
  { query: getSlaReportQuery },
  async ({ principal, query }) => {
    const report = await getSlaReport(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const filename = `sla-${report.storeCode}-${report.from}-${report.to}.csv`;
    return {
      status: 200,
      content: { type: 'text/csv; charset=utf-8', text: slaReportCsv(report) },
      headers: { 'content-disposition': `attachment; filename="${filename}"` },
    };
  },
);
