// One line at the top telling what the last action did, or why it was refused.

import { $ } from './dom.js';
import { ApiError } from './api.js';

export function tell(text) {
  const notice = $('notice');
  notice.textContent = text;
  notice.classList.remove('bad');
}

export function complain(error) {
  const notice = $('notice');
  notice.textContent = error instanceof ApiError ? error.message : 'The server could not be reached';
  notice.classList.add('bad');
  if (error instanceof ApiError && error.status === 401) {
    document.dispatchEvent(new Event('parley-logged-out'));
  }
}

/** Runs an action, telling its outcome; a refusal is shown, not thrown. */
export async function act(action, describe) {
  try {
    const answer = await action();
    tell(describe(answer));
    return answer;
  } catch (error) {
    complain(error);
    return null;
  }
}
