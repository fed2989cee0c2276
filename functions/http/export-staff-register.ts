import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportStaffRegister } from '../../shared/ledgers/operations/export-staff-register';
import { exportRegisterQuery } from '../../shared/ledgers/schema';
import { staffRegisterColumns } from '../../shared/ledgers/tables';

export const handler = authenticatedRoute(
  routes.exportStaffRegister,
  { query: exportRegisterQuery },
  async ({ principal, query }) => {
    const page = await exportStaffRegister(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const table = tableOf('人员管理表', staffRegisterColumns, page.items);
    const name = { ascii: `staff-${page.storeCode}`, title: `人员管理表-${page.storeCode}` };
    return fileAnswer(query.format, table, name, page.cursor);
  },
);
