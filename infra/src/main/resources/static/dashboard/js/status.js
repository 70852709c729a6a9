// Item and batch statuses (API.md section 3), how they are drawn, and the send methods (section 2).
import { h, count } from './dom.js';

export const ITEM_STATUSES = ['Success', 'RetainedInWallet', 'Failed', 'Processing'];

export const SEND_METHODS = {
  XTR94500: 'Bank transfer',
  XTR94502: 'Individual wallet',
  XTR94504: 'Company wallet',
  XTR94503: 'Prepaid virtual card',
  XTR94505: 'Digital gift card',
  XTR94508: 'Rapid transfer',
  XTR94507: 'Physical check',
};

const LABELS = { RetainedInWallet: 'Retained in wallet', CompletedWithErrors: 'Completed with errors',
  AwaitingApproval: 'Awaiting approval' };
export const label = (status) => LABELS[status] || status;

// Accepted but moving no money until an approver, its ScheduledFor or a cancel decides (API.md section 11).
export const isHeld = (status) => status === 'AwaitingApproval' || status === 'Scheduled';

export function badge(status) {
  return h('span', { class: `badge s-${status}`, dataset: { status } }, label(status));
}

const finalCount = (counts) => ITEM_STATUSES.filter((s) => s !== 'Processing')
  .reduce((sum, s) => sum + Number(counts[s] || 0), 0);

/** A bar split by item status: how much of the batch is final, and how it ended. */
export function progress(batch) {
  const counts = batch.Counts || {};
  const total = Math.max(Number(batch.AcceptedCount || 0), 1);
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0,
    'aria-valuemax': batch.AcceptedCount, 'aria-valuenow': finalCount(counts) });
  for (const status of ITEM_STATUSES) {
    const n = Number(counts[status] || 0);
    if (n === 0) continue;
    const part = h('span', { class: `part s-${status}`, title: `${label(status)}: ${count(n)}` });
    part.style.width = `${(100 * n) / total}%`;
    bar.append(part);
  }
  return bar;
}

export function progressText(batch) {
  const done = finalCount(batch.Counts || {});
  const pct = batch.AcceptedCount ? Math.floor((100 * done) / batch.AcceptedCount) : 0;
  return `${count(done)} / ${count(batch.AcceptedCount)} final · ${pct}%`;
}
