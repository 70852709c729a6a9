// A held batch's controls (API.md section 11): an approver releases or rejects it, the issuer cancels it.
import { api, session, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { isHeld, label } from './status.js';

// A first click on Cancel arms it for this long: cancelling fails every item and cannot be undone.
const CONFIRM_MS = 5000;

/**
 * The controls of one batch, shown for its status as the page polls it. The panel is drawn again only when the
 * status changes, so a token or reason being typed survives the polls; the outcome line stays across redraws.
 * Refusals are shown here, not as the page's notice: a refused approver token must not sign the issuer out.
 */
export function heldBatchControls(batchId, changed) {
  const panel = h('div');
  const outcome = h('p', { id: 'control-outcome', class: 'small', role: 'status' });
  let shownFor = null;

  const say = (text, failed) => {
    outcome.className = failed ? 'small warn' : 'small';
    replace(outcome, text);
  };

  async function run(button, verb, call) {
    button.disabled = true;
    say('');
    try {
      const answer = await call();
      say(`${verb}: the batch is now ${label(answer.Status)}.`);
      changed();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.approverToken = null;
      say(e instanceof ApiError ? `${e.code}: ${e.message}` : e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function approval() {
    const token = h('input', { id: 'approver-token', type: 'password', spellcheck: 'false', autocomplete: 'off',
      placeholder: session.approverToken ? 'kept for this tab; paste another to replace it'
        : "An approver's API key or OAuth access token" });
    const reason = h('input', { id: 'reject-reason', maxlength: 500, placeholder: 'Reason (required to reject)' });
    // the typed token is kept like the issuer's: in this tab's session storage, sent only to this server
    const approverToken = () => {
      if (token.value.trim()) session.approverToken = token.value.trim();
      token.value = '';
      return session.approverToken;
    };
    const decide = (button, verb, call) => {
      const credential = approverToken();
      if (!credential) { say('Enter an approver token first.', true); return; }
      run(button, verb, () => call(credential));
    };
    const approve = h('button', { type: 'button', id: 'approve',
      onclick: () => decide(approve, 'Approved', (t) => api.approve(batchId, t)) }, 'Approve');
    const reject = h('button', { type: 'button', id: 'reject', class: 'danger', onclick: () => {
      if (!reason.value.trim()) { say('Give a reason to reject the batch.', true); return; }
      decide(reject, 'Rejected', (t) => api.reject(batchId, reason.value.trim(), t));
    } }, 'Reject');
    return h('div', { class: 'control-row' },
      h('label', {}, 'Approver token', token), approve, h('label', {}, 'Reason', reason), reject);
  }

  function cancelButton() {
    let armed = null;
    const button = h('button', { type: 'button', id: 'cancel-batch', class: 'ghost', onclick: () => {
      if (!armed) {
        replace(button, 'Click again to cancel every item');
        armed = setTimeout(() => { armed = null; replace(button, 'Cancel batch'); }, CONFIRM_MS);
        return;
      }
      clearTimeout(armed);
      armed = null;
      run(button, 'Cancelled', () => api.cancel(batchId));
    } }, 'Cancel batch');
    return button;
  }

  function show(status) {
    if (status === shownFor) return;
    shownFor = status;
    if (!isHeld(status)) { replace(panel); return; }
    replace(panel, h('div', { class: 'card controls', id: 'batch-controls', dataset: { status } },
      h('h2', {}, status === 'Scheduled' ? 'Scheduled: no money moves before its time'
        : 'Awaiting approval: no money moves until an approver releases it'),
      status === 'AwaitingApproval' ? [h('p', { class: 'small muted' }, 'Approve or reject with a credential of '
        + 'this issuer that has the Approver role, other than the one that submitted the batch.'), approval()] : '',
      h('div', { class: 'control-row' }, cancelButton(),
        h('span', { class: 'small muted' }, 'Every item fails CANCELLED; nothing is debited.'))));
  }

  return { node: h('div', {}, panel, outcome), show };
}
