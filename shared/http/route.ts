import type { StaffRole } from '../access/roles';
import type { TableAccess } from '../db/table';

/** What one route declares; the table of them is shared/http/route-table.ts. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRoute {
  readonly method: HttpMethod | 'ANY';
  /** API Gateway route path with `{param}` placeholders, or `$default` for unmatched requests. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly handler: string;
  /** `jwt`: the API Gateway JWT authorizer (locally: the local token verifier) guards the route. */
  readonly auth: 'jwt' | 'none';
  /** Roles allowed to call the route; a caller needs at least one. Empty for public routes. */
  readonly roles: readonly StaffRole[];
  /** The least table access the handler needs; CDK grants exactly this. */
  readonly tableAccess: TableAccess;
  /** A creating POST that honours the Idempotency-Key header; it answers 201, and so do its replays. */
  readonly idempotent?: boolean;
}
