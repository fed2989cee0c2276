import { exportComplaintRegisterQuery } from '../../shared/exports/schema';
import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportComplaintRegister } from '../../shared/ledgers/operations/export-complaint-register';
import { complaintRegisterColumns } from '../../shared/ledgers/registers/columns';

export const handler = authenticatedRoute(
  routes.exportComplaintRegister,
  { query: exportComplaintRegisterQuery },
  async ({ principal, query }) => {
    const page = await exportComplaintRegister(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const name = `${page.storeCode}-${page.from}-${page.to}`;
    const table = tableOf('消费者投诉处理登记表', complaintRegisterColumns, page.items);
    return fileAnswer(
      query.format,
      table,
      { ascii: `complaint-register-${name}`, title: `消费者投诉处理登记表-${name}` },
      page.cursor,
    );
  },
);
