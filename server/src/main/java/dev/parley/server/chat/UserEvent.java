package dev.parley.server.chat;

import dev.parley.protocol.IrcMessage;

/**
 * A message whose source is a user (JOIN, PART, INVITE, TOPIC...), tagged with the user's account
 * for clients that asked for account-tag; {@link TagPolicy} drops the tag for the others.
 */
public final class UserEvent {

    private UserEvent() {}

    public static IrcMessage from(ChatUser user, String command, String... params) {
        IrcMessage message = IrcMessage.from(user.source(), command, params);
        return user.account() == null ? message : message.withTag("account", user.account());
    }
}
