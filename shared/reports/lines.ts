import type { ReturnCase } from '../after-sales/views';
import type { Complaint } from '../complaints/views';
import type { RepairCase } from '../repairs/views';
import type { WakeUpCall } from '../wake-up-calls/views';
import type { LineFact, LineSubject } from './contributions';

/*
 * From a case or ledger item (returns, repairs, complaints, wake-up calls, messages, luggage,
 * found items, loans, safe boxes) to its line facts: pure, so the stream consumer (which gets the whole item
 * at each change) and the recount (which lists a store's items) make the same facts. History
 * lines are append-only (none of these histories is trimmed), so a line's position names it for
 * good; a complaint's lines are its dated fields, each set once by its step.
 */

interface Line {
  readonly part: string;
  readonly at: string;
  readonly by: string;
  readonly what: string;
  readonly detail?: LineFact['detail'];
}

type Item = Readonly<Record<string, unknown>>;

/** `T#<tenant>#RETURN#<id>` → `RETURN#<id>`: the marker's source, as for tickets and revisits. */
const sourceOf = (pk: string) => pk.split('#').slice(2).join('#');

const historyLines = (
  sk: string,
  history: readonly { at: string; by: string; what?: string; step?: string; to?: string }[],
  detail: (entry: { what: string; to?: string | undefined }) => LineFact['detail'] = () => ({}),
): Line[] =>
  history.map((entry, index) => {
    const what = entry.what ?? entry.step ?? '';
    return {
      part: `${sk}#H${String(index).padStart(3, '0')}`,
      at: entry.at,
      by: entry.by,
      what,
      detail: detail({ what, to: entry.to }),
    };
  });

function complaintLines(complaint: Complaint, sk: string): Line[] {
  const respondent = complaint.respondent.kind;
  const lines: (Line | undefined)[] = [
    {
      part: `${sk}#registered`,
      at: complaint.createdAt,
      by: complaint.createdBy,
      what: 'registered',
      detail: { respondent, respondentId: respondent === 'staff' ? complaint.respondent.id : undefined },
    },
    complaint.judgement && {
      part: `${sk}#judged`,
      at: complaint.judgement.at,
      by: complaint.judgement.by,
      what: 'judged',
      detail: { validity: complaint.judgement.validity, respondent },
    },
    complaint.remedy && {
      part: `${sk}#remedied`,
      at: complaint.remedy.at,
      by: complaint.remedy.by,
      what: 'remedied',
      detail: { amount: complaint.remedy.amount },
    },
    complaint.feedback && {
      part: `${sk}#fed_back`,
      at: complaint.feedback.at,
      by: complaint.feedback.by,
      what: 'fed_back',
    },
    complaint.satisfaction && {
      part: `${sk}#satisfaction`,
      at: complaint.satisfaction.at,
      by: complaint.satisfaction.by,
      what: 'satisfaction',
      detail: { score: complaint.satisfaction.score, handler: complaint.remedy?.by },
    },
  ];
  return lines.filter((line): line is Line => line !== undefined);
}

function linesOf(subject: LineSubject, item: Item, sk: string): Line[] {
  const history = (item.history ?? []) as { at: string; by: string; what?: string; step?: string }[];
  switch (subject) {
    case 'return_case': {
      const returnCase = item as unknown as ReturnCase;
      return historyLines(sk, history, ({ what }) =>
        what === 'decided'
          ? { kind: returnCase.kind, reason: returnCase.reason }
          : what === 'refund'
            ? { refundAmount: returnCase.refund?.amount ?? 0 }
            : {},
      );
    }
    case 'repair_case':
      // A declined repair's goods delivered back unrepaired: not a repair finished.
      return historyLines(sk, history, ({ to }) => ({
        mode: (item as unknown as RepairCase).mode,
        ...(to === 'returned_unrepaired' ? { unrepaired: 1 } : {}),
      }));
    case 'complaint':
      return complaintLines(item as unknown as Complaint, sk);
    case 'wake_up_call':
      return historyLines(sk, history, ({ what }) =>
        what === 'done' ? { closedAs: (item as unknown as WakeUpCall).closedAs } : {},
      );
    default:
      return historyLines(sk, history);
  }
}

/**
 * The line facts of one item as stored (with its `pk`, `sk`, `entity` and `storeId`). Items of
 * other kinds have none.
 */
export function lineFactsOf(tenantId: string, item: Item, timezone: string): LineFact[] {
  const subject = item.entity as LineSubject;
  const pk = String(item.pk);
  const sk = String(item.sk);
  return linesOf(subject, item, sk).map((line) => ({
    source: 'line',
    key: { tenantId, source: sourceOf(pk), part: line.part },
    timezone,
    storeId: String(item.storeId),
    subject,
    at: line.at,
    by: line.by,
    what: line.what,
    detail: line.detail ?? {},
  }));
}
