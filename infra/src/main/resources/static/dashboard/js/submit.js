// Submit a batch from the page: paste or load a JSON batch or a CSV of items; the envelope comes from the form.
import { api, ApiError } from './api.js';
import { h, replace, money, count } from './dom.js';

export function submitView(ctx) {
  const wallets = ctx.wallets || [];
  const walletSelect = h('select', { id: 'source-wallet', required: true }, wallets.map((w) =>
    h('option', { value: w.WalletId }, `${w.WalletId} · ${money(w.Balance, w.Currency)}`)));
  const batchIdInput = h('input', { id: 'customer-batch-id', placeholder: 'generated when empty',
    pattern: '[A-Za-z0-9._:\\-]{1,64}', maxlength: 64 });
  const text = h('textarea', { id: 'batch-text', rows: 14, spellcheck: 'false',
    placeholder: 'A JSON batch ({"Items": [...]}) or just its Items array, or CSV with a header row:\n'
      + 'CustomerTransactionId,RecipientId,SendMethodId,Amount,Description,Destination.WalletId\n'
      + 'TRX-001,PAT-5510,XTR94502,25.00,November payout,' });
  const file = h('input', { type: 'file', id: 'batch-file', accept: '.json,.csv,application/json,text/csv',
    onchange: async (e) => { if (e.target.files[0]) text.value = await e.target.files[0].text(); } });
  const result = h('div', { id: 'submit-result' });
  const button = h('button', { type: 'submit', id: 'submit-batch' }, 'Submit batch');

  async function submit(event) {
    event.preventDefault();
    const wallet = wallets.find((w) => w.WalletId === walletSelect.value);
    const envelope = { IssuerAccountNumber: wallet && wallet.OwnerId, SourceWalletId: walletSelect.value,
      CustomerBatchId: batchIdInput.value.trim() || undefined };
    const content = text.value.trim();
    if (!content) { ctx.fail(new Error('Paste a batch or choose a file first.')); return; }
    button.disabled = true;
    replace(result, h('p', { class: 'muted' }, 'Submitting…'));
    try {
      const { status, body } = isJson(content)
        ? await api.submitJson(jsonBatch(content, envelope))
        : await api.submitCsv(content, envelope);
      showAccepted(status, body);
    } catch (e) {
      showRefused(e);
    } finally {
      button.disabled = false;
    }
  }

  function showAccepted(status, body) {
    const link = `#/batches/${encodeURIComponent(body.BatchId)}`;
    if (status === 202 && !(body.Rejected || []).length) {
      window.location.hash = link;
      return;
    }
    replace(result, h('div', { class: 'card' },
      h('p', {}, `${count(body.AcceptedCount)} of ${count(body.ReceivedCount)} items accepted. `,
        h('a', { href: link }, 'Open the batch →')),
      rejectedTable(body.Rejected || [])));
  }

  function showRefused(e) {
    if (!(e instanceof ApiError)) { ctx.fail(e); replace(result); return; }
    replace(result, h('div', { class: 'card error-card' },
      h('p', {}, h('strong', {}, e.code), ' ', e.message),
      rejectedTable(e.errors)));
  }

  ctx.render(h('section', {},
    h('h1', {}, 'Submit a batch'),
    wallets.length ? '' : h('p', { class: 'warn' }, 'This issuer has no wallet yet: ask the operator to open one.'),
    h('form', { class: 'card form', onsubmit: submit },
      h('label', {}, 'Source wallet', walletSelect),
      h('label', {}, 'CustomerBatchId', batchIdInput),
      h('label', {}, 'Items (JSON or CSV)', text),
      h('div', { class: 'form-row' }, file, button)),
    result));
}

const isJson = (content) => content.startsWith('{') || content.startsWith('[');

/** A pasted Items array, or a batch whose envelope fields are missing, takes them from the form. */
function jsonBatch(content, envelope) {
  const parsed = JSON.parse(content);
  const batch = Array.isArray(parsed) ? { Items: parsed } : parsed;
  for (const [key, value] of Object.entries(envelope)) {
    if (batch[key] === undefined && value !== undefined) batch[key] = value;
  }
  return batch;
}

function rejectedTable(rows) {
  if (!rows.length) return '';
  return h('table', { class: 'table compact', id: 'rejected' },
    h('thead', {}, h('tr', {}, ['Field', 'Error', 'Message'].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', { class: 'mono' }, r.Field || r.CustomerTransactionId || ''),
      h('td', { class: 'mono' }, r.ErrorCode), h('td', {}, r.Message)))));
}
