// The connection's states as the person sees them: the status line (connecting, connected, a
// reconnect counting down each second), and a refusal shown on the login form before the welcome
// or in the feed after it (a ban or kill is final: the message field is disabled).
const $ = id => document.getElementById(id);

/** Returns onState(kind, detail) for the connection's handlers. app: state, ui, note, connection, history. */
export function connectionStates(app) {
  const { state, ui, note } = app;
  let countdown = null;

  function stopCountdown() {
    if (countdown) clearInterval(countdown);
    countdown = null;
  }

  /** "Reconnecting in 4 s…", counting down each second until the next attempt. */
  function startCountdown(at) {
    stopCountdown();
    const show = () => ui.status(`Connection lost; reconnecting in ${Math.max(0, Math.ceil((at - Date.now()) / 1000))} s…`, true);
    show();
    countdown = setInterval(show, 250);
  }

  function refused(detail) {
    const { connection } = app;
    if (connection.registered || state.nick) {
      state.ended = true;
      ui.status(detail, true);
      note(detail, 'problem');
      $('message-input').disabled = true;
    } else {
      ui.showLogin(detail);
    }
    if (connection.socket) connection.socket.close();
  }

  return function onState(kind, detail) {
    if (kind !== 'reconnecting') stopCountdown();
    if (kind === 'connecting') ui.status('Connecting…');
    if (kind === 'registered') ui.status('Connected');
    if (kind === 'reconnecting') { app.history.forget(); startCountdown(detail); }
    if (kind === 'refused') refused(detail);
    if (kind === 'closed' && !app.connection.registered && !state.nick) ui.showLogin($('login-error').textContent);
  };
}
