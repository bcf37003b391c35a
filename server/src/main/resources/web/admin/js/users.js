// The Users tab: search by nick or mask, a WHOIS-like view, and kick, kill, ban.

import { call, segment } from './api.js';
import { $, el, fillRows, when, duration } from './dom.js';
import { act, complain } from './notice.js';
import { banNow } from './bans.js';

export async function loadUsers() {
  try {
    const found = await call('GET', 'users?q=' + encodeURIComponent($('user-query').value.trim()));
    $('user-count').textContent = found.total + (found.total === 1 ? ' user' : ' users')
      + (found.shown < found.total ? ' (first ' + found.shown + ' shown)' : '');
    fillRows($('user-rows'), found.users.map(user => el('tr', {},
      el('td', {}, user.nick + (user.operator ? ' (operator)' : '')),
      el('td', { class: 'mono' }, user.source),
      el('td', {}, user.account ?? ''),
      el('td', {}, user.rooms),
      el('td', { class: 'row-actions' },
        el('button', { type: 'button', onclick: () => showUser(user.nick) }, 'Details'),
        el('button', { type: 'button', class: 'danger', onclick: () => banUser(user.nick) }, 'Ban'),
      ))), 5, 'Nobody matches');
  } catch (error) {
    complain(error);
  }
}

async function showUser(nick) {
  const detail = $('user-detail');
  try {
    const user = await call('GET', 'users/' + segment(nick));
    detail.replaceChildren(
      el('h3', {}, user.nick),
      el('dl', { class: 'facts' },
        ...[['nick!user@host', user.nick + '!' + user.user + '@' + user.host], ['Real name', user.realname],
          ['Account', user.account ?? 'none (guest)'], ['Operator', user.operator ?? 'no'], ['Away', user.away ?? ''],
          ['Address', user.address], ['Connection', user.connection], ['Signed on', when(user.signedOnAt)],
          ['Idle', duration(user.idleSeconds)], ['Capabilities', user.caps]]
          .flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value ?? '')])),
      el('h4', {}, 'Rooms'),
      el('ul', { class: 'plain' }, user.rooms.map(room => el('li', {}, room.prefix + room.room + ' ',
        el('button', { type: 'button', onclick: () => kick(user.nick, room.room) }, 'Kick')))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'danger', onclick: () => kill(user.nick) }, 'Kill (disconnect)'),
        el('button', { type: 'button', class: 'danger', onclick: () => banUser(user.nick) }, 'Ban from the server')));
    detail.hidden = false;
  } catch (error) {
    complain(error);
  }
}

async function kick(nick, room) {
  const reason = prompt('Kick ' + nick + ' from ' + room + ': reason', 'Kicked by an operator');
  if (reason !== null && await act(() => call('POST', 'users/' + segment(nick) + '/kick', { room, reason }),
    () => nick + ' kicked from ' + room)) {
    showUser(nick);
  }
}

async function kill(nick) {
  const reason = prompt('Disconnect ' + nick + ': reason', 'Killed');
  if (reason !== null && await act(() => call('POST', 'users/' + segment(nick) + '/kill', { reason }),
    () => nick + ' disconnected')) {
    $('user-detail').hidden = true;
    loadUsers();
  }
}

async function banUser(nick) {
  const reason = prompt('Ban ' + nick + ' from the server: reason', 'Banned by an operator');
  if (reason !== null && await banNow(nick, reason, '')) {
    $('user-detail').hidden = true;
    loadUsers();
  }
}

export function wireUsers() {
  $('user-search').addEventListener('submit', event => {
    event.preventDefault();
    loadUsers();
  });
}
