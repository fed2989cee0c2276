/**
 * Request bodies the tests and the bench send, realistic where the content matters (sizes of
 * stored items, Chinese text). `version`: the one the client last read; none while on defaults.
 */

const withVersion = (version: number | undefined) => (version ? { version } : {});

/** A complaint as a front desk records it: Chinese subject and description, a contact phone. */
export const complaintBody = (storeId: string) => ({
  storeId,
  type: 'complaint',
  channel: 'walk_in',
  priority: 'normal',
  subject: '沙发送货后发现划痕',
  description: '客户于上周六收到沙发，拆封后发现右侧扶手有两道明显划痕，要求上门查看并更换。',
  contact: { name: '王女士', phone: '13800138000' },
});

/** An IT desk's or repair centre's week, 09:00–18:00 on weekdays: the calendar the timer tests reason in. */
export const weekdaysNineToSix = () => {
  const day = [{ start: '09:00', end: '18:00' }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
};

/** The IT desk's SLA: first response in 60 business minutes, the standard ladder after a breach. */
export const itDeskPolicies = (resolutionMinutes: number) => ({
  policies: [
    {
      name: 'IT desk',
      firstResponseMinutes: 60,
      resolutionMinutes,
      warningPercent: 80,
      escalations: [
        { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
        { afterBreachMinutes: 120, notifyRoles: ['manager'] },
      ],
    },
  ],
});

/** Mall hours with the 2026 National Day holidays and a 调休 Saturday. */
export const calendarBody = (version?: number) => {
  const day = [{ start: '10:00', end: '22:00' }];
  return {
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03'],
    makeUpWorkingDays: ['2026-10-10'],
    ...withVersion(version),
  };
};

/** One policy for every ticket, escalating to supervisors at the breach. */
export const slaPoliciesBody = (version?: number) => ({
  policies: [
    {
      name: 'All tickets',
      firstResponseMinutes: 60,
      resolutionMinutes: 1440,
      escalations: [{ afterBreachMinutes: 0, notifyRoles: ['supervisor'] }],
    },
  ],
  ...withVersion(version),
});

export const settingsBody = (version?: number) => ({ reopenWindowDays: 7, ...withVersion(version) });
