// The issuer's batches, newest first, with live progress while any of them is still running.
import { api } from './api.js';
import { h, replace, time, money, count } from './dom.js';
import { badge, progress, progressText } from './status.js';

const PAGE_SIZE = 20;

export function batchesView(ctx, params) {
  const page = Math.max(1, Number(params.get('page')) || 1);
  const body = h('tbody');
  const summary = h('p', { class: 'muted', id: 'batches-summary' }, 'Loading…');
  const pager = h('div', { class: 'pager' });
  const table = h('table', { class: 'table batches', id: 'batches' },
    h('thead', {}, h('tr', {}, ['Created', 'Batch', 'Status', 'Progress', 'Items', 'Amount', 'Completed']
      .map((title) => h('th', {}, title)))), body);

  async function load() {
    const list = await api.batches(page, PAGE_SIZE);
    replace(body, list.Items.map(row));
    if (list.TotalItems === 0) {
      replace(body, h('tr', {}, h('td', { colspan: 7, class: 'empty' },
        'No batches yet. ', h('a', { href: '#/submit' }, 'Submit one'), ' or use the CLI.')));
    }
    const first = (page - 1) * PAGE_SIZE + 1;
    replace(summary, list.TotalItems === 0 ? '' :
      `${count(first)}–${count(first + list.Items.length - 1)} of ${count(list.TotalItems)} batches`);
    replace(pager,
      page > 1 ? h('a', { class: 'button ghost', href: `#/batches?page=${page - 1}` }, '← Newer') : '',
      first + list.Items.length - 1 < list.TotalItems
        ? h('a', { class: 'button ghost', href: `#/batches?page=${page + 1}` }, 'Older →') : '');
    // keep refreshing while something runs: a batch submitted elsewhere (CLI, API) shows up too
    return list.Items.some((b) => b.Status === 'Processing') ? 1000 : 2000;
  }

  function row(batch) {
    const open = () => { window.location.hash = `#/batches/${encodeURIComponent(batch.BatchId)}`; };
    return h('tr', { class: 'clickable', tabindex: 0, dataset: { batchId: batch.BatchId }, onclick: open,
      onkeydown: (e) => { if (e.key === 'Enter') open(); } },
    h('td', {}, time(batch.CreatedAt)),
    h('td', {}, h('a', { href: `#/batches/${encodeURIComponent(batch.BatchId)}`, class: 'batch-name' },
      batch.CustomerBatchId), h('div', { class: 'mono muted small' }, batch.BatchId)),
    h('td', {}, badge(batch.Status)),
    h('td', { class: 'progress-cell' }, progress(batch), h('div', { class: 'small muted' }, progressText(batch))),
    h('td', { class: 'num' }, count(batch.AcceptedCount),
      batch.RejectedCount ? h('div', { class: 'small warn' }, `${count(batch.RejectedCount)} rejected`) : ''),
    h('td', { class: 'num' }, money(batch.TotalAmount, batch.Currency)),
    h('td', {}, time(batch.CompletedAt)));
  }

  ctx.render(h('section', {},
    h('div', { class: 'section-head' }, h('h1', {}, 'Batches'), h('a', { class: 'button', href: '#/submit' },
      'Submit a batch')), summary, table, pager));
  ctx.poll(load);
}
