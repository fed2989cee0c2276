import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { keepLoanDeposit } from '../../shared/lending/operations/keep-loan-deposit';
import { keepLoanDepositInput, loanIdParams } from '../../shared/lending/schema';

export const handler = authenticatedRoute(
  routes.keepLoanDeposit,
  { params: loanIdParams, body: keepLoanDepositInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await keepLoanDeposit(principal, params.loanId, body, now),
  }),
);
