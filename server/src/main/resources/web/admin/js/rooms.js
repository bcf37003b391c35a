// The Rooms tab: every open room; one room's members, topic and modes; a new topic; closing it.

import { call, segment } from './api.js';
import { $, el, fillRows, when } from './dom.js';
import { act, complain } from './notice.js';

export async function loadRooms() {
  try {
    const { rooms } = await call('GET', 'rooms');
    fillRows($('room-rows'), rooms.map(room => el('tr', {},
      el('td', {}, room.name + (room.registered ? ' (registered)' : '')),
      el('td', {}, room.members),
      el('td', { class: 'mono' }, room.modes),
      el('td', {}, room.topic),
      el('td', { class: 'row-actions' },
        el('button', { type: 'button', onclick: () => showRoom(room.name) }, 'Details'),
        el('button', { type: 'button', class: 'danger', onclick: () => closeRoom(room.name) }, 'Close')))),
    5, 'No room is open');
  } catch (error) {
    complain(error);
  }
}

async function showRoom(name) {
  const detail = $('room-detail');
  try {
    const room = await call('GET', 'rooms/' + segment(name));
    const topic = el('input', { id: 'topic-input', value: room.topic ? room.topic.text : '', 'aria-label': 'New topic' });
    const topicForm = el('form', { class: 'inline' }, el('label', { for: 'topic-input' }, 'Topic'), topic,
      el('button', { type: 'submit' }, 'Set topic'));
    topicForm.addEventListener('submit', async event => {
      event.preventDefault();
      if (await act(() => call('POST', 'rooms/' + segment(name) + '/topic', { topic: topic.value }),
        () => 'Topic of ' + name + ' set')) {
        loadRooms();
        showRoom(name);
      }
    });
    detail.replaceChildren(
      el('h3', {}, room.name),
      el('dl', { class: 'facts' }, ...[['Modes', room.modes], ['Created', when(room.createdAt)],
        ['Founder', room.founder ?? (room.registered ? '' : 'none (not registered)')],
        ['Topic set by', room.topic ? room.topic.setBy + ', ' + when(room.topic.setAt) : '']]
        .flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value ?? '')])),
      topicForm,
      modesForm(room),
      el('h4', {}, 'Members (' + room.members.length + ')'),
      el('ul', { class: 'plain columns' }, room.members.map(member =>
        el('li', {}, member.prefix + member.nick + (member.account ? ' (' + member.account + ')' : '')))));
    detail.hidden = false;
  } catch (error) {
    complain(error);
  }
}

const FLAGS = [['n', 'no outside messages'], ['t', 'only operators set the topic'], ['m', 'moderated'],
  ['i', 'invite only'], ['s', 'secret']];

/** A checkbox per flag mode; sends them all, the server applies what changed. */
function modesForm(room) {
  const current = room.modes.split(' ')[0];
  const boxes = FLAGS.map(([flag, meaning]) => el('input', { type: 'checkbox', id: 'mode-' + flag, 'data-flag': flag,
    checked: current.includes(flag) }));
  const form = el('form', { class: 'inline' }, el('span', { class: 'label' }, 'Modes'),
    FLAGS.map(([flag, meaning], i) => el('label', { class: 'check', for: 'mode-' + flag }, boxes[i], ' +' + flag + ' ' + meaning)),
    el('button', { type: 'submit' }, 'Set modes'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const on = boxes.filter(box => box.checked).map(box => box.dataset.flag).join('');
    const off = boxes.filter(box => !box.checked).map(box => box.dataset.flag).join('');
    const flags = (on ? '+' + on : '') + (off ? '-' + off : '');
    if (await act(() => call('POST', 'rooms/' + segment(room.name) + '/modes', { flags }),
      changed => 'Modes of ' + room.name + ': ' + changed.modes)) {
      loadRooms();
      showRoom(room.name);
    }
  });
  return form;
}

async function closeRoom(name) {
  const reason = prompt('Close ' + name + ' (every member is kicked): reason', 'Room closed by an operator');
  if (reason !== null && await act(() => call('POST', 'rooms/' + segment(name) + '/close', { reason }),
    answer => name + ' closed; ' + answer.kicked + ' kicked')) {
    $('room-detail').hidden = true;
    loadRooms();
  }
}
