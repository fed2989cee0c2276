import { monthlyStaffTable } from '../../shared/exports/reports';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { getMonthlyStaffAssessment } from '../../shared/reports/operations/get-monthly-staff-assessment';
import { getMonthlyStaffAssessmentQuery } from '../../shared/reports/schema';

export const handler = authenticatedRoute(
  routes.getMonthlyStaffAssessment,
  { query: getMonthlyStaffAssessmentQuery },
  async ({ principal, query }) => {
    const report = await getMonthlyStaffAssessment(principal, query);
    if (query.format === 'json') return { status: 200, body: report };
    const name = `staff-assessment-${report.storeCode}-${report.month}`;
    return fileAnswer(query.format, monthlyStaffTable(report), {
      ascii: name,
      title: `月考核表-${report.storeCode}-${report.month}`,
    });
  },
);
