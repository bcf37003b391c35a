package dev.parley.protocol.name;

/**
 * A {@code nick!user@host} source split into its parts; missing parts are {@code null}.
 */
public record HostMask(String nick, String user, String host) {

    public static HostMask parse(String source) {
        String rest = source;
        String host = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            host = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String user = null;
        int bang = rest.indexOf('!');
        if (bang >= 0) {
            user = rest.substring(bang + 1);
            rest = rest.substring(0, bang);
        }
        return new HostMask(rest, user, host);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(nick == null ? "" : nick);
        if (user != null) {
            out.append('!').append(user);
        }
        if (host != null) {
            out.append('@').append(host);
        }
        return out.toString();
    }
}
