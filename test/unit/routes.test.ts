import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../shared/access/roles';
import { serviceDeskTable } from '../../shared/db/table';
import { httpRoutes } from '../../shared/http/route-table';
import { scheduledFunctions } from '../../shared/timers/functions';

const root = resolve(import.meta.dirname, '../..');

describe('route table', () => {
  it('points every route at an existing handler module that uses the route’s own entry', () => {
    for (const [name, route] of Object.entries(httpRoutes)) {
      const file = resolve(root, route.handler);
      // One operation, one name: createTicket lives in functions/http/create-ticket.ts.
      expect(route.handler).toBe(`functions/http/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`);
      expect(existsSync(file), `${name}: ${route.handler}`).toBe(true);
      // Handlers take their roles and path from the table, never a copy of them.
      expect(readFileSync(file, 'utf8'), name).toContain(`routes.${name}`);
    }
    for (const scheduled of Object.values(scheduledFunctions))
      expect(existsSync(resolve(root, scheduled.handler))).toBe(true);
  });

  it('has unique method+path pairs, versioned paths, and known roles', () => {
    const keys = Object.values(httpRoutes).map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of Object.values(httpRoutes)) {
      // The API is versioned; the reference page (/docs) is a page for people beside it.
      if (route.path !== '$default') expect(route.path).toMatch(/^\/(v1|docs)(\/|$)/);
      for (const role of route.roles) expect(staffRoles).toContain(role);
      // A route behind the authorizer must say who may call it.
      expect(route.auth === 'jwt' ? route.roles.length > 0 : route.roles.length === 0).toBe(true);
    }
  });

  it('keys every index on string attributes the table definition declares once', () => {
    const names = [
      serviceDeskTable.partitionKey.name,
      serviceDeskTable.sortKey.name,
      ...serviceDeskTable.globalSecondaryIndexes.flatMap((index) => [
        index.partitionKey.name,
        index.sortKey.name,
      ]),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('functions without a table', () => {
  it('start without TABLE_NAME, as their Lambda gets none', () => {
    const tableless = Object.values(httpRoutes).filter((route) => route.tableAccess === 'none');
    expect(tableless.length).toBeGreaterThan(0);
    for (const route of tableless) {
      const { TABLE_NAME: _dropped, ...environment } = process.env;
      const loaded = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(resolve(root, route.handler))});`,
        ],
        { cwd: root, env: environment, encoding: 'utf8', timeout: 30_000 },
      );
      expect(loaded.stderr, route.handler).not.toContain('TABLE_NAME');
      expect(loaded.status, `${route.handler}: ${loaded.stderr}`).toBe(0);
    }
    // Each child compiles TypeScript from scratch: seconds on a busy 2-core machine.
  }, 120_000);
});
