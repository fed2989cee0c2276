import { slaReportTable } from '../../shared/exports/reports';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { getSlaReport } from '../../shared/reports/operations/get-sla-report';
import { getSlaReportQuery } from '../../shared/reports/schema';

export const handler = authenticatedRoute(
  routes.getSlaReport,
  { query: getSlaReportQuery },
  async ({ principal, query }) => {
    const report = await getSlaReport(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const name = `sla-${report.storeCode}-${report.from}-${report.to}`;
    return fileAnswer(query.format, slaReportTable(report), { ascii: name, title: name });
  },
);
