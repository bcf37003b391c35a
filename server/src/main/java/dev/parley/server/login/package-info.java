/**
 * How a connection becomes a user and logs in: {@link dev.parley.server.login.RegistrationFlow}
 * completes registration once NICK, USER and CAP are done (password, nick ownership, bans, then the
 * welcome), and {@link dev.parley.server.login.AccountReplies} tells the user, and those sharing a
 * room, of a login. Used by the CAP, NICK/USER, SASL and REGISTER commands alike.
 *
 * <p>Builds on {@code auth} (the checks), {@code session} (replies, deferral) and {@code chat}; kept
 * out of {@code auth} so that {@code auth} stays free of sessions and replies.
 */
package dev.parley.server.login;
