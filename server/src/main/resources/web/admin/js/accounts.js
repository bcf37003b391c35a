// The Accounts tab: list, create, a new password, the operator flag, delete.

import { call, segment } from './api.js';
import { $, el, fillRows, when } from './dom.js';
import { act, complain } from './notice.js';

export async function loadAccounts() {
  try {
    const { accounts } = await call('GET', 'accounts');
    fillRows($('account-rows'), accounts.map(account => el('tr', {},
      el('td', {}, account.name),
      el('td', {}, account.operator ? 'yes' : 'no'),
      el('td', {}, when(account.createdAt)),
      el('td', { class: 'row-actions' },
        el('button', { type: 'button', onclick: () => setOperator(account.name, !account.operator) },
          account.operator ? 'Remove operator' : 'Make operator'),
        el('button', { type: 'button', onclick: () => resetPassword(account.name) }, 'New password'),
        el('button', { type: 'button', class: 'danger', onclick: () => remove(account.name) }, 'Delete')))),
    4, 'No accounts');
  } catch (error) {
    complain(error);
  }
}

async function setOperator(name, operator) {
  if (await act(() => call('POST', 'accounts/' + segment(name) + '/operator', { operator }),
    () => name + (operator ? ' is an operator' : ' is no longer an operator'))) {
    loadAccounts();
  }
}

async function resetPassword(name) {
  const password = prompt('New password for ' + name);
  if (password) {
    await act(() => call('POST', 'accounts/' + segment(name) + '/password', { password }),
      () => 'Password of ' + name + ' changed');
  }
}

async function remove(name) {
  if (confirm('Delete the account ' + name + '? Its nick becomes free for anyone.')
    && await act(() => call('DELETE', 'accounts/' + segment(name)), () => 'Account ' + name + ' deleted')) {
    loadAccounts();
  }
}

export function wireAccounts() {
  $('account-form').addEventListener('submit', async event => {
    event.preventDefault();
    const name = $('account-name').value.trim();
    const created = await act(() => call('POST', 'accounts',
      { name, password: $('account-password').value, operator: $('account-operator').checked }),
    () => 'Account ' + name + ' created');
    if (created) {
      $('account-form').reset();
      loadAccounts();
    }
  });
}
