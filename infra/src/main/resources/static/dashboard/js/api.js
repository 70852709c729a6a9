// The public MassPay API (API.md) as the dashboard calls it: every call carries the token typed in the page.

const TOKEN_KEY = 'masspay.token';
// A second credential of the same issuer: approve and reject need one other than the submitter's (API.md section 11).
const APPROVER_TOKEN_KEY = 'masspay.approverToken';

const stored = (key, value) => {
  if (value) sessionStorage.setItem(key, value); else sessionStorage.removeItem(key);
};

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(value) { stored(TOKEN_KEY, value); },
  get approverToken() { return sessionStorage.getItem(APPROVER_TOKEN_KEY); },
  set approverToken(value) { stored(APPROVER_TOKEN_KEY, value); },
};

/** A refusal in the contract's error shape: {ErrorCode, Message, Errors[]}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.Message ? body.Message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.ErrorCode ? body.ErrorCode : `HTTP_${status}`;
    this.errors = body && Array.isArray(body.Errors) ? body.Errors : [];
  }
}

async function call(method, path, { query, body, contentType, accept = 'application/json', token = session.token } = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries(query || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  });
  const headers = { Accept: accept, Authorization: `Bearer ${token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(url, { method, headers, body, cache: 'no-store' });
  if (accept !== 'application/json') {
    if (!response.ok) throw new ApiError(response.status, await readJson(response));
    return response;
  }
  const json = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, json);
  return { status: response.status, body: json };
}

async function readJson(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : null; } catch { return null; }
}

const get = async (path, query) => (await call('GET', path, { query })).body;
const batchPath = (batchId) => `/API/v4/Fund/BatchTransfer/${encodeURIComponent(batchId)}`;
// Approve, Reject and Cancel answer {BatchId, Status}: the batch's status after the call.
const control = async (batchId, action, options) => (await call('POST', `${batchPath(batchId)}/${action}`, options)).body;

export const api = {
  wallets: () => get('/API/v4/Wallets'),
  batches: (page, pageSize) => get('/API/v4/Fund/BatchTransfer', { Page: page, PageSize: pageSize }),
  batch: (batchId, { status, method, page, pageSize }) => get(batchPath(batchId),
    { Status: status, SendMethodId: method, Page: page, PageSize: pageSize }),
  report: (batchId) => call('GET', `${batchPath(batchId)}/Report.csv`, { accept: 'text/csv' }),
  approve: (batchId, approverToken) => control(batchId, 'Approve', { token: approverToken }),
  reject: (batchId, reason, approverToken) => control(batchId, 'Reject',
    { token: approverToken, body: JSON.stringify({ Reason: reason }), contentType: 'application/json' }),
  cancel: (batchId) => control(batchId, 'Cancel'),
  ledger: () => get('/API/v4/Admin/Ledger/Balances'),
  projections: () => get('/API/v4/Admin/Projections'),
  submitJson: (batch) => call('POST', '/API/v4/Fund/BatchTransfer',
    { body: JSON.stringify(batch), contentType: 'application/json' }),
  // CSV upload: the envelope travels as query parameters, the rows in the body (issue 8).
  submitCsv: (csv, envelope) => call('POST', '/API/v4/Fund/BatchTransfer',
    { body: csv, contentType: 'text/csv', query: envelope }),
};

/**
 * Which kind of token this is, from what it may read: an issuer token reads its wallets, the operator
 * token gets 403 there and reads the ledger instead; anything else is refused.
 */
export async function identify() {
  try {
    const wallets = await api.wallets();
    return { role: 'issuer', wallets: wallets.Items };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
  }
  await api.ledger();
  return { role: 'operator' };
}
