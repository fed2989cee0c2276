import { tableOf } from '../../shared/exports/table';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { fileAnswer } from '../../shared/http/export';
import * as routes from '../../shared/http/routes';
import { exportEquipmentRegister } from '../../shared/ledgers/operations/export-equipment-register';
import { exportRegisterQuery } from '../../shared/ledgers/schema';
import { equipmentRegisterColumns } from '../../shared/ledgers/tables';

export const handler = authenticatedRoute(
  routes.exportEquipmentRegister,
  { query: exportRegisterQuery },
  async ({ principal, query }) => {
    const page = await exportEquipmentRegister(principal, query);
    if (query.format === 'json') return { status: 200, body: page };
    const table = tableOf('设备管理表', equipmentRegisterColumns, page.items);
    const name = { ascii: `equipment-${page.storeCode}`, title: `设备管理表-${page.storeCode}` };
    return fileAnswer(query.format, table, name, page.cursor);
  },
);
