import {
  _default,
  gte,
  type infer as Infer,
  int,
  lte,
  optional,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { instant, pageQueryFields, text, ulid } from '../schema/common';

/** A room number as the desk writes it. */
const room = string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a room number, e.g. 1203.'));

/** A deposit in fen (minor units): ¥0 up to ¥100,000. */
const fen = int().check(gte(0), lte(10_000_000));

export const lendItemInput = strictObject({
  storeId: ulid,
  /** What is lent: 雨伞, 充电器, 熨斗… */
  item: text(1, 80),
  quantity: _default(int().check(gte(1), lte(50)), 1),
  deposit: fen,
  currency: _default(zEnum(['CNY', 'HKD', 'USD', 'EUR']), 'CNY'),
  room: optional(room),
  guestName: optional(text(1, 60)),
  /** When it went out; now when absent. */
  lentAt: optional(instant),
  dueBackAt: instant,
  note: optional(text(1, 300)),
}).check(
  refine((input) => input.room !== undefined || input.guestName !== undefined, {
    message: 'Name the room or the guest who borrows it.',
    path: ['room'],
  }),
  refine((input) => input.lentAt === undefined || Date.parse(input.dueBackAt) > Date.parse(input.lentAt), {
    message: '`dueBackAt` must come after `lentAt`.',
    path: ['dueBackAt'],
  }),
);
export type LendItemInput = Infer<typeof lendItemInput>;

export const returnLentItemInput = strictObject({
  version: int().check(gte(1)),
  note: optional(text(1, 300)),
});
export type ReturnLentItemInput = Infer<typeof returnLentItemInput>;

/** Not back (at check-out, or lost): the deposit is kept, with the reason. */
export const keepLoanDepositInput = strictObject({
  version: int().check(gte(1)),
  reason: text(1, 300),
});
export type KeepLoanDepositInput = Infer<typeof keepLoanDepositInput>;

export const loanIdParams = strictObject({ loanId: ulid });

export const loanStatuses = ['out', 'returned', 'deposit_kept'] as const;

export const listLoansQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(loanStatuses), 'out'),
});
export type ListLoansQuery = Infer<typeof listLoansQuery>;
