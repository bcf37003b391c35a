// The server's numeric replies in sentences a person reads, by numeric. Each entry takes the
// parameters after our own nick and returns the text, or null for replies not worth showing. A
// numeric not in the table shows the server's own words (its last parameter), with the name it is
// about, never the raw parameters.

function since(seconds) {
  const s = Number(seconds);
  if (!Number.isFinite(s)) return `${seconds} s`;
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

function when(epochSeconds) {
  const date = new Date(Number(epochSeconds) * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** A WHOIS room entry: "@#general" reads "#general (operator)". */
function rooms(entry) {
  const name = entry.replace(/^[~&@%+]+/, '');
  const rank = entry.startsWith('@') ? ' (operator)' : entry.startsWith('+') ? ' (voice)' : '';
  return name + rank;
}

const INFO = {
  221: p => `Your modes: ${p[0]}`,
  301: p => `${p[0]} is away: ${p[1]}`,
  305: () => 'You are back (no longer marked as away)',
  306: () => 'You are marked as away',
  307: p => `${p[0]} is a registered nickname`,
  311: p => `${p[0]} is ${p[1]}@${p[2]} (${p[p.length - 1]})`,
  312: p => `${p[0]} is on ${p[1]}`,
  313: p => `${p[0]} is a server operator`,
  317: p => `${p[0]} has been idle ${since(p[1])}${p.length > 3 ? `; connected since ${when(p[2])}` : ''}`,
  318: () => null,
  319: p => `${p[0]} is in ${p[p.length - 1].split(' ').filter(Boolean).map(rooms).join(', ')}`,
  324: p => `Modes of ${p[0]}: ${p.slice(1).join(' ')}`,
  329: () => null,
  330: p => `${p[0]} is logged in as ${p[1]}`,
  333: () => null,
  338: () => null,
  341: p => `You invited ${p[0]} to ${p[1]}`,
  367: p => `Ban in ${p[0]}: ${p[1]}${p[2] ? ` (set by ${p[2]})` : ''}`,
  368: () => null,
  378: () => null,
  381: () => 'You are now a server operator: you may kick and ban anywhere',
  391: p => `The server's time: ${p[p.length - 1]}`,
  900: p => `You are logged in as ${p[1]}`,
  901: () => 'You are logged out of your account',
  903: () => null,
};

const ERRORS = {
  401: p => `No one called ${p[0]} is online; nothing was sent to them`,
  403: p => `There is no room ${p[0]}`,
  404: p => `Your message to ${p[0]} was not delivered: ${p[p.length - 1]}`,
  405: p => `Cannot join ${p[0]}: you are in too many rooms already`,
  417: () => 'That line was too long for the server; nothing was sent',
  421: p => (p[0] === 'REGISTER' ? 'Accounts are not available on this server, so /register does nothing here'
    : `The server does not know the command ${p[0]}`),
  432: p => `“${p[0]}” is not a valid nickname: use letters, digits and - _ [ ] { } \\ | ^ \`, not starting with a digit or -`,
  433: p => `The nickname ${p[0]} is taken: ${p[p.length - 1]}`,
  441: p => `${p[0]} is not in ${p[1]}`,
  442: p => `You are not in ${p[0]}`,
  443: p => `${p[0]} is already in ${p[1]}`,
  461: p => `${p[0]} needs more parameters`,
  464: p => `Wrong password: ${p[p.length - 1]}`,
  465: p => (/banned/i.test(p[p.length - 1]) ? p[p.length - 1] : `You are banned from this server: ${p[p.length - 1]}`),
  471: p => `Cannot join ${p[0]}: it is full`,
  473: p => `Cannot join ${p[0]}: it is invite-only`,
  474: p => `Cannot join ${p[0]}: ${p[p.length - 1]}`,
  475: p => `Cannot join ${p[0]}: it needs a key`,
  479: p => `Cannot join ${p[0]}: that is not a valid room name (a # and up to 64 characters, no spaces or commas)`,
  481: () => 'Only the admin (a server operator) can do that',
  482: p => `You need to be a room operator in ${p[0]} for that`,
  902: p => `The nickname ${p[0]} belongs to an account: log in with its password`,
  904: () => 'Logging in to the account failed: wrong name or password',
};

/** Codes whose replies are about joining the room named in their first parameter. */
export const JOIN_REFUSALS = new Set(['403', '405', '471', '473', '474', '475', '479']);

/** The server's own words, with the name they are about: "zed: No such nick". */
function plain(p) {
  if (p.length <= 1) return p[0] || '';
  return `${p.slice(0, -1).join(' ')}: ${p[p.length - 1]}`;
}

/**
 * The sentence for a numeric reply (msg.command is three digits), or null when it is noise.
 * {error: true} for 4xx, 5xx and the failed-login 9xx.
 */
export function describe(msg) {
  const p = msg.params.slice(1);
  const table = isError(msg.command) ? ERRORS : INFO;
  const explain = table[msg.command];
  return explain ? explain(p) : plain(p);
}

export function isError(code) {
  return /^[45]\d\d$/.test(code) || code === '902' || code === '904';
}

/** FAIL/WARN/NOTE standard replies: "Could not register: That account already exists". */
export function standardReply(msg) {
  const [command] = msg.params;
  const description = msg.params[msg.params.length - 1];
  const what = { REGISTER: 'register the account', CHATHISTORY: 'load the history', REDACT: 'delete the message',
    MARKREAD: 'save the read marker', NICK: 'change the nickname',
    SEARCH: 'search' }[command] || `do ${command}`;
  return `Could not ${what}: ${description}`;
}
