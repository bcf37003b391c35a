// The admin API over fetch: form fields in, JSON out. The CSRF token from the login goes with
// every request that changes something; the session cookie goes by itself (HttpOnly: scripts
// never see it).

let csrf = '';

export function useCsrf(token) {
  csrf = token || '';
}

/** A refusal the console shows as it is (the API words its errors for people). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Calls the API. `body` is an object of form fields, a string (sent as text, e.g. a ban.txt), or
 * nothing. Resolves to the parsed JSON, or the text for a text answer.
 */
export async function call(method, path, body) {
  const options = { method, headers: {}, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    options.headers['X-CSRF-Token'] = csrf;
  }
  if (typeof body === 'string') {
    options.headers['Content-Type'] = 'text/plain; charset=utf-8';
    options.body = body;
  } else if (body) {
    options.body = new URLSearchParams(body);
  }
  const response = await fetch('api/' + path, options);
  const type = response.headers.get('Content-Type') || '';
  const answer = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, (answer && answer.error) || response.statusText);
  }
  return answer;
}

/** A path segment: a room's # and a mask's ! * @ must survive the trip. */
export function segment(text) {
  return encodeURIComponent(text);
}
