// The room browser: LIST asked for when the dialog opens, the rooms the server names (name, people,
// topic) listed as they arrive, each with a Join button.
const $ = id => document.getElementById(id);

export class RoomBrowser {
  /** send(command, params) writes a line; join(room) joins (or opens) a room; joined(room) says if we are in it. */
  constructor(send, join, joined) {
    this.send = send;
    this.join = join;
    this.joined = joined;
    this.rooms = [];
    $('browse-rooms').addEventListener('click', () => this.open());
    $('room-browser-close').addEventListener('click', () => $('room-browser').close());
  }

  open() {
    this.rooms = [];
    $('room-browser-state').textContent = 'Loading the rooms…';
    $('room-browser-list').replaceChildren();
    $('room-browser').showModal();
    this.send('LIST', []);
  }

  /** 321: a new listing starts. */
  start() {
    this.rooms = [];
  }

  /** 322: one room. */
  add(name, people, topic) {
    this.rooms.push({ name, people: Number(people) || 0, topic: topic || '' });
  }

  /** 323: the listing is complete; the busiest rooms first. */
  end() {
    if (!$('room-browser').open) return;
    this.rooms.sort((a, b) => (b.people - a.people) || a.name.localeCompare(b.name));
    $('room-browser-state').textContent = this.rooms.length ? `${this.rooms.length} ${this.rooms.length === 1 ? 'room' : 'rooms'}` : 'No rooms yet: join one by name to create it.';
    $('room-browser-list').replaceChildren(...this.rooms.map(room => this.row(room)));
  }

  row(room) {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = room.name;
    const people = document.createElement('span');
    people.className = 'people';
    people.textContent = `${room.people} ${room.people === 1 ? 'person' : 'people'}`;
    const topic = document.createElement('span');
    topic.className = 'topic-text';
    topic.textContent = room.topic;
    const join = document.createElement('button');
    join.type = 'button';
    const verb = this.joined(room.name) ? 'Open' : 'Join';
    join.textContent = verb;
    join.setAttribute('aria-label', `${verb} ${room.name}`);
    join.addEventListener('click', () => { $('room-browser').close(); this.join(room.name); });
    item.append(name, people, topic, join);
    return item;
  }
}
