package dev.parley.server.chat;

/**
 * A room member connected to another node of a cluster, as this node knows them from the room's
 * events: enough to list them in NAMES, WHO and WHOIS. {@code account} and {@code away} may be null;
 * {@code invisible} (+i) hides them from those who share no room with them.
 */
public record RemoteMember(
        String node,
        String nick,
        String user,
        String host,
        String account,
        String realname,
        String away,
        MemberStatus status,
        boolean invisible) {

    /** What a member of this node looks like to the others, in one room. */
    public static RemoteMember of(String node, ChatUser member, MemberStatus status) {
        return new RemoteMember(
                node,
                member.nick(),
                member.user(),
                member.host(),
                member.account(),
                member.realname(),
                member.awayMessage(),
                status,
                member.isInvisible());
    }

    public String source() {
        return nick + "!" + user + "@" + host;
    }

    public RemoteMember withNick(String value) {
        return new RemoteMember(node, value, user, host, account, realname, away, status, invisible);
    }

    public RemoteMember withAway(String value) {
        return new RemoteMember(node, nick, user, host, account, realname, value, status, invisible);
    }

    public RemoteMember withAccount(String value) {
        return new RemoteMember(node, nick, user, host, value, realname, away, status, invisible);
    }

    public RemoteMember withRealname(String value) {
        return new RemoteMember(node, nick, user, host, account, value, away, status, invisible);
    }

    public RemoteMember withInvisible(boolean value) {
        return new RemoteMember(node, nick, user, host, account, realname, away, status, value);
    }

    public RemoteMember withStatus(MemberStatus value) {
        return new RemoteMember(node, nick, user, host, account, realname, away, value, invisible);
    }
}
