// Live traffic from the metrics (the /metrics text): rates between two samples, and the last five
// minutes of messages in per second as a line.

import { call } from './api.js';
import { $, facts } from './dom.js';

const KEEP = 60; // samples: five minutes at one per five seconds
const history = [];
let previous = null;

/** The value of each sample line without labels: `parley_messages_in_total 42`. */
function parse(text) {
  const values = {};
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{[^}]*\})? ([0-9.eE+-]+|NaN)$/.exec(line);
    if (match && !(match[1] in values)) {
      values[match[1]] = Number(match[2]);
    }
  }
  return values;
}

function rate(now, name) {
  if (!previous || !(name in now) || !(name in previous.values)) {
    return null;
  }
  const seconds = (now.at - previous.at) / 1000;
  return seconds > 0 ? Math.max(0, (now[name] - previous.values[name]) / seconds) : null;
}

function shown(value) {
  return value === null ? '…' : value.toFixed(1) + ' /s';
}

function draw() {
  const peak = Math.max(1, ...history);
  const step = 300 / (KEEP - 1);
  const offset = KEEP - history.length;
  $('traffic-line').setAttribute('points', history
    .map((value, i) => ((offset + i) * step).toFixed(1) + ',' + (58 - (value / peak) * 56).toFixed(1)).join(' '));
}

export async function loadTraffic() {
  const values = parse(await call('GET', 'metrics'));
  values.at = Date.now();
  const messagesIn = rate(values, 'parley_messages_in_total');
  facts($('traffic-facts'), [
    ['Messages in', shown(messagesIn)],
    ['Messages delivered', shown(rate(values, 'parley_messages_out_total'))],
    ['Errors since start', values.parley_errors_total ?? ''],
  ]);
  if (messagesIn !== null) {
    history.push(messagesIn);
    history.splice(0, Math.max(0, history.length - KEEP));
    draw();
  }
  previous = { at: values.at, values };
}
