// The Bans tab: the list, a ban with a reason and an end, lifting one, ban.txt out and in.

import { call, segment } from './api.js';
import { $, el, fillRows, when } from './dom.js';
import { act, complain } from './notice.js';

export async function loadBans() {
  try {
    const { bans } = await call('GET', 'bans');
    fillRows($('ban-rows'), bans.map(ban => el('tr', {},
      el('td', { class: 'mono' }, ban.mask),
      el('td', {}, [ban.account && 'account ' + ban.account, ban.address && 'address ' + ban.address]
        .filter(Boolean).join(', ')),
      el('td', {}, ban.reason.replace(/ \[expires [^\]]+\]$/, '')),
      el('td', {}, ban.setBy),
      el('td', {}, when(ban.createdAt)),
      el('td', {}, ban.expiresAt ? when(ban.expiresAt) : 'never'),
      el('td', { class: 'row-actions' },
        el('button', { type: 'button', onclick: () => lift(ban.mask) }, 'Lift')))), 7, 'No bans');
  } catch (error) {
    complain(error);
  }
}

/** Bans, then shows the list; whether it worked. */
export async function banNow(target, reason, expires) {
  const answer = await act(() => call('POST', 'bans', { target, reason, expires }),
    ban => 'Banned ' + ban.mask + '; ' + ban.disconnected + ' disconnected'
      + (ban.stored ? '' : ' (in force, but not stored: see the server log)'));
  loadBans();
  return answer !== null;
}

async function lift(mask) {
  if (await act(() => call('DELETE', 'bans/' + segment(mask)), () => 'Ban on ' + mask + ' lifted')) {
    loadBans();
  }
}

async function exportBans() {
  const text = await act(() => call('GET', 'bans/export'), () => 'ban.txt exported');
  if (text !== null) {
    const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })), download: 'ban.txt' });
    link.click();
    URL.revokeObjectURL(link.href);
  }
}

async function importBans(input) {
  const file = input.files[0];
  if (file) {
    await act(async () => call('POST', 'bans/import', await file.text()),
      answer => answer.imported + ' bans imported; ' + answer.disconnected + ' disconnected');
    input.value = '';
    loadBans();
  }
}

export function wireBans() {
  $('ban-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (await banNow($('ban-target').value.trim(), $('ban-reason').value.trim(), $('ban-expires').value)) {
      $('ban-form').reset();
    }
  });
  $('ban-export').addEventListener('click', exportBans);
  $('ban-import').addEventListener('change', event => importBans(event.target));
}
