// One batch: its numbers, the status breakdown as a chart, and its items, filtered and paged.
import { api } from './api.js';
import { h, replace, time, duration, money, count } from './dom.js';
import { badge, progress, progressText, isHeld, ITEM_STATUSES, SEND_METHODS, label } from './status.js';
import { statusChart } from './chart.js';
import { heldBatchControls } from './controls.js';

const PAGE_SIZE = 50;

export function batchView(ctx, params, batchId) {
  const filter = { status: params.get('status') || '', method: params.get('method') || '',
    page: Math.max(1, Number(params.get('page')) || 1) };
  const go = (change) => {
    const next = { ...filter, page: 1, ...change };
    const query = new URLSearchParams();
    if (next.status) query.set('status', next.status);
    if (next.method) query.set('method', next.method);
    if (next.page > 1) query.set('page', next.page);
    window.location.hash = `#/batches/${encodeURIComponent(batchId)}${query.toString() ? '?' + query : ''}`;
  };

  const head = h('div', { class: 'batch-head' }, h('p', { class: 'muted' }, 'Loading…'));
  // after an approve, reject or cancel: read the batch again at once rather than at the next poll
  const controls = heldBatchControls(batchId, () => load().catch(ctx.fail));
  const facts = h('dl', { class: 'facts' });
  const chart = h('div', { class: 'card chart-card' });
  const grid = h('div', { class: 'batch-grid', hidden: true }, h('div', { class: 'card' }, facts), chart);
  const items = h('tbody');
  const itemsSummary = h('span', { class: 'muted', id: 'items-summary' });
  const itemsTable = h('table', { class: 'table items', id: 'items' },
    h('thead', {}, h('tr', {}, ['Transaction', 'Recipient', 'Method', 'Amount', 'Status', 'Error', 'Attempt',
      'Updated'].map((title) => h('th', {}, title)))), items);
  const pager = h('div', { class: 'pager' });
  const statusSelect = h('select', { id: 'filter-status', onchange: (e) => go({ status: e.target.value }) },
    h('option', { value: '' }, 'All statuses'),
    ITEM_STATUSES.map((s) => h('option', { value: s, selected: s === filter.status }, label(s))));
  const methodSelect = h('select', { id: 'filter-method', onchange: (e) => go({ method: e.target.value }) },
    h('option', { value: '' }, 'All methods'),
    Object.entries(SEND_METHODS).map(([id, name]) => h('option', { value: id, selected: id === filter.method },
      `${name} (${id})`)));
  const reportButton = h('button', { type: 'button', class: 'ghost', onclick: () => download() }, 'Download report (CSV)');

  async function download() {
    const response = await api.report(batchId).catch(ctx.fail);
    if (!response) return;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `masspay-${batchId}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function load() {
    const batch = await api.batch(batchId, { status: filter.status, method: filter.method, page: filter.page,
      pageSize: PAGE_SIZE });
    replace(head,
      h('div', {}, h('h1', { id: 'batch-title' }, batch.CustomerBatchId),
        h('div', { class: 'mono muted small' }, batch.BatchId)),
      h('div', { class: 'batch-status', id: 'batch-status' }, badge(batch.Status)));
    controls.show(batch.Status);
    replace(facts,
      fact('Progress', h('div', {}, progress(batch), h('div', { class: 'small muted' }, progressText(batch)))),
      fact('Accepted', count(batch.AcceptedCount),
        batch.RejectedCount ? h('span', { class: 'small warn' }, ` · ${count(batch.RejectedCount)} rejected`) : ''),
      fact('Total', money(batch.TotalAmount, batch.Currency)),
      fact('Paid', money(batch.SuccessAmount, batch.Currency)),
      fact('Source wallet', h('span', { class: 'mono' }, batch.SourceWalletId)),
      fact('Created', time(batch.CreatedAt)),
      batch.ScheduledFor ? fact('Scheduled for', time(batch.ScheduledFor)) : '',
      fact('Completed', time(batch.CompletedAt)),
      fact('Took', duration(batch.CreatedAt, batch.CompletedAt)));
    replace(chart, h('h2', {}, 'Status breakdown'), statusChart(batch.Counts));
    grid.hidden = false;
    replace(items, batch.Items.length ? batch.Items.map(itemRow)
      : h('tr', {}, h('td', { colspan: 8, class: 'empty' }, 'No items match these filters.')));
    const first = (filter.page - 1) * PAGE_SIZE + 1;
    const last = first + batch.Items.length - 1;
    replace(itemsSummary, batch.TotalItems ? `${count(first)}–${count(last)} of ${count(batch.TotalItems)} `
      + (batch.TotalItems === 1 ? 'item' : 'items') : '0 items');
    // what the table shows now: lets a reader (or a test) tell a fresh table from the one before a filter change
    itemsTable.dataset.shows = `${filter.status}|${filter.method}|${filter.page}`;
    replace(pager,
      filter.page > 1 ? h('button', { type: 'button', class: 'ghost', onclick: () => go({ page: filter.page - 1 }) },
        '← Previous') : '',
      last < batch.TotalItems ? h('button', { type: 'button', class: 'ghost',
        onclick: () => go({ page: filter.page + 1 }) }, 'Next →') : '');
    // a held batch moves on by an approver, its time or a cancel made elsewhere (CLI, API): keep looking
    if (batch.Status === 'Processing') return 1000;
    return isHeld(batch.Status) ? 2000 : null;
  }

  const fact = (name, ...value) => [h('dt', {}, name), h('dd', {}, ...value)];

  function itemRow(item) {
    return h('tr', { dataset: { status: item.Status, method: item.SendMethodId } },
      h('td', { class: 'mono' }, item.CustomerTransactionId),
      h('td', {}, item.RecipientId),
      h('td', { title: item.SendMethodId }, SEND_METHODS[item.SendMethodId] || item.SendMethodId),
      h('td', { class: 'num' }, money(item.Amount, item.Currency)),
      h('td', {}, badge(item.Status)),
      h('td', { class: 'mono small' }, item.ErrorCode || ''),
      h('td', { class: 'num' }, item.AttemptNo),
      h('td', {}, time(item.UpdatedAt)));
  }

  ctx.render(h('section', {},
    h('a', { href: '#/batches', class: 'back' }, '← All batches'),
    head,
    controls.node,
    grid,
    h('div', { class: 'section-head' }, h('h2', {}, 'Items'),
      h('div', { class: 'filters' }, statusSelect, methodSelect, reportButton)),
    itemsSummary,
    itemsTable,
    pager));
  ctx.poll(load);
}
