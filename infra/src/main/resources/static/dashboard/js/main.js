// The dashboard's shell: the token, the routes (#/batches, #/batches/{id}, #/submit, #/wallets, #/ledger),
// and one polling loop per page that stops when the page is left.
import { api, identify, session, ApiError } from './api.js';
import { replace, h } from './dom.js';
import { batchesView } from './batches.js';
import { batchView } from './batch.js';
import { submitView } from './submit.js';
import { walletsView, ledgerView } from './wallets.js';

const $ = (id) => document.getElementById(id);
const view = $('view');
const welcome = view.firstElementChild;

const state = { role: null, wallets: [], page: 0 };

function showNotice(message) {
  const notice = $('notice');
  replace(notice, message);
  notice.hidden = !message;
}

function fail(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut('The token was refused (UNAUTHORIZED): it is unknown or expired.');
    return;
  }
  const text = error instanceof ApiError ? `${error.code}: ${error.message}` : error.message;
  showNotice(text);
}

function context(page) {
  return {
    get wallets() { return state.wallets; },
    set wallets(value) { state.wallets = value; },
    render: (node) => { if (page === state.page) replace(view, node); },
    fail,
    // Runs load now and again after the delay it returns (null: stop), until another page is shown.
    poll: (load) => {
      const tick = async () => {
        if (page !== state.page) return;
        let delay;
        try {
          delay = await load();
          showNotice('');
        } catch (e) {
          fail(e);
          delay = e instanceof ApiError && e.status < 500 ? null : 3000;
        }
        if (delay && page === state.page && state.role) setTimeout(tick, delay);
      };
      tick();
    },
  };
}

async function route() {
  state.page += 1;
  const page = state.page;
  if (!state.role) { replace(view, welcome); return; }
  const [path, query] = (window.location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  const ctx = context(page);
  markNav(parts[0]);
  if (state.role === 'operator') {
    if (parts[0] !== 'ledger') { window.location.hash = '#/ledger'; return; }
    ledgerView(ctx);
  } else if (parts[0] === 'batches' && parts[1]) {
    batchView(ctx, params, decodeURIComponent(parts[1]));
  } else if (parts[0] === 'submit') {
    try { state.wallets = (await api.wallets()).Items; } catch (e) { fail(e); }
    if (page === state.page) submitView(ctx);
  } else if (parts[0] === 'wallets') {
    walletsView(ctx);
  } else if (parts[0] !== 'batches' || parts.length > 1) {
    window.location.hash = '#/batches';
  } else {
    batchesView(ctx, params);
  }
}

function markNav(section) {
  document.querySelectorAll('#nav a').forEach((a) => {
    a.hidden = a.dataset.role !== state.role;
    a.classList.toggle('active', a.getAttribute('href') === `#/${section}`);
  });
}

async function connect(token) {
  session.token = token;
  showNotice('');
  try {
    const who = await identify();
    state.role = who.role;
    state.wallets = who.wallets || [];
  } catch (e) {
    signOut(e instanceof ApiError && e.status === 401
      ? 'The token was refused (UNAUTHORIZED): check that you pasted it whole.'
      : `Could not reach the API: ${e.message}`);
    return;
  }
  $('token').value = '';
  $('token').hidden = true;
  $('token-label').hidden = true;
  $('connect').hidden = true;
  $('sign-out').hidden = false;
  const issuer = state.wallets.length ? state.wallets[0].OwnerId : null;
  replace($('who'), state.role === 'operator' ? 'Operator' : `Issuer${issuer ? ' ' + issuer : ''}`);
  $('who').hidden = false;
  $('nav').hidden = false;
  route();
}

function signOut(message) {
  session.token = null;
  session.approverToken = null;
  state.role = null;
  state.wallets = [];
  $('token').hidden = false;
  $('token-label').hidden = false;
  $('connect').hidden = false;
  $('sign-out').hidden = true;
  $('who').hidden = true;
  $('nav').hidden = true;
  showNotice(message || '');
  route();
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (token) connect(token);
});
$('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);

if (session.token) connect(session.token); else route();
