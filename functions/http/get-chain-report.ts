import { chainReportTable } from '../../shared/exports/reports';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { getChainReport } from '../../shared/reports/operations/get-chain-report';
import { getChainReportQuery } from '../../shared/reports/schema';

export const handler = authenticatedRoute(
  routes.getChainReport,
  { query: getChainReportQuery },
  async ({ principal, query }) => {
    const report = await getChainReport(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const name = `chain-${report.from}-${report.to}`;
    return fileAnswer(
      query.format,
      chainReportTable(report),
      { ascii: name, title: `连锁汇总-${report.from}-${report.to}` },
      report.cursor,
    );
  },
);
