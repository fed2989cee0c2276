import { DomainError, ruleRefused } from '../errors';

/*
 * A staff entry acts through the sign-in linked to it (`userId` = the token's `sub`). An entry
 * without one can be listed but never act, so nothing is handed to it, and every refusal says
 * how to make the link.
 */

export const notInDirectory = (userId: string) =>
  ruleRefused(
    'not_in_directory',
    `Your sign-in (${userId.slice(0, 128)}) is not linked to a staff directory entry. A manager or admin ` +
      'links it with PATCH /v1/staff/{staffId} {"userId": "<your sub>", "version": n}.',
  );

export const assigneeNotLinked = (staffId: string) =>
  new DomainError(
    'rule_refused',
    'assignee_not_linked',
    'The staff member has no linked sign-in yet, so they could not act on the ticket. Link it first ' +
      `with PATCH /v1/staff/${staffId} {"userId": "<their sub>", "version": n}.`,
    [{ in: 'body', path: 'assigneeId', message: 'Has no linked sign-in (staff userId).' }],
  );
