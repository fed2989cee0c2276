import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { monthlyStaffCsv } from '../../shared/reports/monthly';
import { getMonthlyStaffAssessment } from '../../shared/reports/operations/get-monthly-staff-assessment';
import { getMonthlyStaffAssessmentQuery } from '../../shared/reports/schema';

export const handler = authenticatedRoute(
  routes.getMonthlyStaffAssessment,
  { query: getMonthlyStaffAssessmentQuery },
  async ({ principal, query }) => {
    const report = await getMonthlyStaffAssessment(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const filename = `staff-assessment-${report.storeCode}-${report.month}.csv`;
    return {
      status: 200,
      content: { type: 'text/csv; charset=utf-8', text: monthlyStaffCsv(report) },
      headers: { 'content-disposition': `attachment; filename="${filename}"` },
    };
  },
);
