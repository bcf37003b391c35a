// The Status tab: the server at a glance, refreshed while it is open; REHASH; the raw metrics.

import { call } from './api.js';
import { $, el, facts, duration, when } from './dom.js';
import { act, complain } from './notice.js';
import { loadTraffic } from './traffic.js';

export async function loadStatus() {
  try {
    const status = await call('GET', 'status');
    $('server-name').textContent = status.server;
    facts($('status-facts'), [
      ['Version', status.version],
      ['Up for', duration(status.uptimeSeconds)],
      ['Connections', status.connections],
      ['Users', status.users],
      ['Operators online', status.operators],
      ['Rooms', status.rooms],
    ]);
    const history = status.history;
    facts($('history-facts'), history.enabled
      ? [['State', history.state], ['Waiting to be stored', history.queued], ['Stored', history.stored],
        ['Spill file', history.spillBytes + ' bytes'], ['Dropped', history.dropped], ['Lost', history.lost]]
      : [['State', 'off (history.enabled: false)']]);
    $('history-facts').classList.toggle('bad', Boolean(history.degraded));
    $('node-rows').replaceChildren(...status.nodes.map(node =>
      el('tr', {}, el('td', {}, node.name), el('td', {}, node.version), el('td', {}, when(node.startedAt)))));
    await loadTraffic();
  } catch (error) {
    complain(error);
  }
}

export function wireStatus() {
  $('rehash-button').addEventListener('click', () =>
    act(() => call('POST', 'rehash'), answer => 'REHASH: ' + answer.result));
  $('metrics-button').addEventListener('click', async () => {
    const text = await act(() => call('GET', 'metrics'), () => 'Metrics as Prometheus reads them');
    if (text !== null) {
      $('metrics-text').textContent = text;
      $('metrics-text').hidden = false;
    }
  });
}
