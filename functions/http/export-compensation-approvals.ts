import { exportCompensationApprovalsQuery } from '../../shared/exports/schema';
import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportCompensationApprovals } from '../../shared/ledgers/operations/export-compensation-approvals';
import { compensationApprovalColumns } from '../../shared/ledgers/registers/columns';

export const handler = authenticatedRoute(
  routes.exportCompensationApprovals,
  { query: exportCompensationApprovalsQuery },
  async ({ principal, query }) => {
    const page = await exportCompensationApprovals(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const name = `${page.storeCode}-${page.from}-${page.to}`;
    const table = tableOf('售后服务先行赔偿审批表', compensationApprovalColumns, page.items);
    return fileAnswer(
      query.format,
      table,
      { ascii: `compensation-approvals-${name}`, title: `售后服务先行赔偿审批表-${name}` },
      page.cursor,
    );
  },
);
