import { exportRevisitRegisterQuery } from '../../shared/exports/schema';
import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportRevisitRegister } from '../../shared/ledgers/operations/export-revisit-register';
import { revisitRegisterColumns } from '../../shared/ledgers/registers/columns';

export const handler = authenticatedRoute(
  routes.exportRevisitRegister,
  { query: exportRevisitRegisterQuery },
  async ({ principal, query }) => {
    const page = await exportRevisitRegister(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const name = `${page.storeCode}-${page.from}-${page.to}`;
    const table = tableOf('回访登记表', revisitRegisterColumns, page.items);
    return fileAnswer(
      query.format,
      table,
      { ascii: `revisit-register-${name}`, title: `回访登记表-${name}` },
      page.cursor,
    );
  },
);
