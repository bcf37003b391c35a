package dev.parley.server.info;

import dev.parley.server.chat.ExtBan;
import dev.parley.server.chat.Monitors;
import dev.parley.server.config.ParleyConfig;
import java.util.ArrayList;
import java.util.List;

/** The RPL_ISUPPORT (005) tokens that tell clients this server's features and limits. */
public final class ISupport {

    private static final int TOKENS_PER_LINE = 12;

    private ISupport() {}

    public static List<String> tokens(ParleyConfig config) {
        var limits = config.limits();
        List<String> tokens = new ArrayList<>(List.of(
                "ACCOUNTEXTBAN=a",
                "AWAYLEN=" + limits.awayLength(),
                "BOT=B",
                "CASEMAPPING=rfc1459",
                "CHANLIMIT=#:" + limits.maxRoomsPerClient(),
                "CHANMODES=beI,k,l,imnst",
                "CHANNELLEN=" + limits.roomNameLength(),
                "CHANTYPES=#",
                "ELIST=",
                "EXCEPTS=e",
                "EXTBAN=" + ExtBan.ISUPPORT,
                "HOSTLEN=64",
                "INVEX=I",
                "KICKLEN=" + limits.kickReasonLength(),
                "MAXLIST=b:" + limits.maxListEntries() + ",e:" + limits.maxListEntries() + ",I:"
                        + limits.maxListEntries(),
                "MAXTARGETS=4",
                "MODES=4",
                "MONITOR=" + Monitors.LIMIT,
                "NETWORK=" + config.server().network(),
                "NICKLEN=" + limits.nickLength(),
                "PREFIX=(ov)@+",
                "STATUSMSG=@+",
                "TARGMAX=PRIVMSG:4,NOTICE:4,TAGMSG:4,JOIN:,PART:,KICK:4,NAMES:1,LIST:,WHOIS:1",
                "TOPICLEN=" + limits.topicLength(),
                "USERLEN=16",
                "UTF8ONLY",
                "WHOX"));
        if (config.history().enabled()) {
            tokens.add("CHATHISTORY=" + config.history().maxPageSize());
            tokens.add("MSGREFTYPES=msgid,timestamp");
        }
        return tokens;
    }

    /** The tokens cut into lines of at most a dozen, as 005 replies carry them. */
    public static List<List<String>> lines(ParleyConfig config) {
        List<String> all = tokens(config);
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i += TOKENS_PER_LINE) {
            lines.add(all.subList(i, Math.min(all.size(), i + TOKENS_PER_LINE)));
        }
        return lines;
    }
}
