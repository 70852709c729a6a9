// Balances: an issuer's own wallets; for the operator, the whole ledger per currency and the read models.
import { api } from './api.js';
import { h, replace, money, count } from './dom.js';

export function walletsView(ctx) {
  const grid = h('div', { class: 'wallets', id: 'wallets' });
  async function load() {
    const wallets = (await api.wallets()).Items;
    ctx.wallets = wallets;
    replace(grid, wallets.length ? wallets.map((w) => h('div', { class: 'card wallet', dataset: { walletId: w.WalletId } },
      h('div', { class: 'muted small' }, `${w.Currency} wallet`),
      h('div', { class: 'balance' }, money(w.Balance, w.Currency)),
      h('div', { class: 'mono small' }, w.WalletId)))
      : h('p', { class: 'muted' }, 'No wallets yet.'));
    return 5000;
  }
  ctx.render(h('section', {}, h('h1', {}, 'Wallets'), grid));
  ctx.poll(load);
}

const LEDGER_COLUMNS = ['IssuerWallets', 'InTransit', 'RecipientWallets', 'RailClearing', 'External', 'Total'];

export function ledgerView(ctx) {
  const balances = h('tbody');
  const projections = h('tbody');
  async function load() {
    const [ledger, readModels] = await Promise.all([api.ledger(), api.projections()]);
    replace(balances, ledger.Currencies.length ? ledger.Currencies.map((c) => h('tr', { dataset: { currency: c.Currency } },
      h('td', {}, c.Currency),
      LEDGER_COLUMNS.map((col) => h('td', { class: `num${col === 'Total' && !/^-?0(\.0+)?$/.test(c[col]) ? ' warn' : ''}` },
        c[col] === undefined ? '—' : money(c[col]))))) : h('tr', {}, h('td', { colspan: 7, class: 'empty' },
      'No money has moved yet.')));
    replace(projections, readModels.map((p) => h('tr', {}, h('td', {}, p.Name),
      h('td', {}, h('span', { class: `badge ${p.Status === 'Live' ? 's-Success' : 's-Processing'}` }, p.Status)),
      h('td', { class: 'num' }, count(p.Lag)))));
    return 3000;
  }
  ctx.render(h('section', {},
    h('h1', {}, 'Ledger'),
    h('p', { class: 'muted' }, 'Every account of the double-entry ledger, summed per currency: the total is always zero. '
      + 'Batches belong to issuers: sign in with an issuer\'s API key to see them.'),
    h('table', { class: 'table', id: 'ledger' }, h('thead', {}, h('tr', {}, ['Currency', 'Issuer wallets', 'In transit',
      'Recipient wallets', 'Rail clearing', 'External', 'Total'].map((t) => h('th', {}, t)))), balances),
    h('h2', {}, 'Read models'),
    h('table', { class: 'table compact', id: 'projections' }, h('thead', {}, h('tr', {},
      ['Name', 'Status', 'Lag (events)'].map((t) => h('th', {}, t)))), projections)));
  ctx.poll(load);
}
