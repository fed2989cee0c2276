import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportLedger } from '../../shared/ledgers/operations/export-ledger';
import { exportLedgerQuery } from '../../shared/ledgers/schema';
import { ledgerColumns } from '../../shared/ledgers/tables';

export const handler = authenticatedRoute(
  routes.exportLedger,
  { query: exportLedgerQuery },
  async ({ principal, query }) => {
    const page = await exportLedger(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const name = `${page.storeCode}-${page.from}-${page.to}`;
    const table = tableOf('服务台台账', ledgerColumns, page.items);
    return fileAnswer(
      query.format,
      table,
      { ascii: `ledger-${name}`, title: `服务台台账-${name}` },
      page.cursor,
    );
  },
);
