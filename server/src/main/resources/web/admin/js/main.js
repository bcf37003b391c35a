// The admin console: log in (as an IRC operator), then tabs over the admin API. The status tab
// refreshes itself every few seconds while it is shown.

import { call, useCsrf, ApiError } from './api.js';
import { $ } from './dom.js';
import { tell } from './notice.js';
import { loadStatus, wireStatus } from './status.js';
import { loadUsers, wireUsers } from './users.js';
import { loadRooms } from './rooms.js';
import { loadBans, wireBans } from './bans.js';
import { loadAccounts, wireAccounts } from './accounts.js';

const REFRESH_MS = 5000;
const loaders = { status: loadStatus, users: loadUsers, rooms: loadRooms, bans: loadBans, accounts: loadAccounts };
let current = 'status';
let refresh = null;

function showLogin(message) {
  clearInterval(refresh);
  useCsrf('');
  $('console-view').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
  $('login-name').focus();
}

function showConsole(session) {
  useCsrf(session.csrf);
  $('operator-name').textContent = session.operator;
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  open(current);
  clearInterval(refresh);
  refresh = setInterval(() => current === 'status' && loadStatus(), REFRESH_MS);
}

function open(tab) {
  current = tab;
  for (const button of document.querySelectorAll('[data-tab]')) {
    button.setAttribute('aria-current', String(button.dataset.tab === tab));
    $('tab-' + button.dataset.tab).hidden = button.dataset.tab !== tab;
  }
  loaders[tab]();
}

async function logIn(event) {
  event.preventDefault();
  $('login-button').disabled = true;
  try {
    const session = await call('POST', 'login', { name: $('login-name').value.trim(), password: $('login-password').value });
    $('login-password').value = '';
    tell('');
    showConsole(session);
  } catch (error) {
    $('login-error').textContent = error instanceof ApiError ? error.message : 'The server could not be reached';
  } finally {
    $('login-button').disabled = false;
  }
}

async function logOut() {
  try {
    await call('POST', 'logout');
  } finally {
    showLogin('Logged out');
  }
}

async function start() {
  $('login-form').addEventListener('submit', logIn);
  $('logout-button').addEventListener('click', logOut);
  for (const button of document.querySelectorAll('[data-tab]')) {
    button.addEventListener('click', () => open(button.dataset.tab));
  }
  document.addEventListener('parley-logged-out', () => showLogin('Your login ended; log in again'));
  wireStatus();
  wireUsers();
  wireBans();
  wireAccounts();
  try {
    const session = await call('GET', 'session');
    session.loggedIn ? showConsole(session) : showLogin();
  } catch (error) {
    showLogin('The server could not be reached');
  }
}

start();
