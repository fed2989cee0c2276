import { exportReturnRegisterQuery } from '../../shared/exports/schema';
import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportReturnRegister } from '../../shared/ledgers/operations/export-return-register';
import { returnRegisterColumns } from '../../shared/ledgers/registers/columns';

export const handler = authenticatedRoute(
  routes.exportReturnRegister,
  { query: exportReturnRegisterQuery },
  async ({ principal, query }) => {
    const page = await exportReturnRegister(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const name = `${page.storeCode}-${page.from}-${page.to}`;
    const table = tableOf('无理由退货处理单', returnRegisterColumns, page.items);
    return fileAnswer(
      query.format,
      table,
      { ascii: `return-register-${name}`, title: `无理由退货处理单-${name}` },
      page.cursor,
    );
  },
);
