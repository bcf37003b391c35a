package dev.parley.server.info;

import dev.parley.protocol.Numeric;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.Nicks;
import dev.parley.server.chat.Rooms;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.MetadataUpdates;
import dev.parley.server.session.Replies;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Replies describing the server: the welcome burst, ISUPPORT, LUSERS and MOTD. */
public final class ServerReplies {

    private final ServerInfo info;
    /** The configuration in force: the MOTD and 005 tokens a reload changes reach the next client. */
    private final Supplier<ParleyConfig> config;

    private final UserCounts counts;
    private final Nicks nicks;
    private final Rooms rooms;

    public ServerReplies(ServerInfo info, Supplier<ParleyConfig> config, UserCounts counts, Nicks nicks, Rooms rooms) {
        this.info = info;
        this.config = config;
        this.counts = counts;
        this.nicks = nicks;
        this.rooms = rooms;
    }

    /** 001 to 005, LUSERS and MOTD: what a client receives right after registering. */
    public void welcome(Replies replies, ChatUser user) {
        replies.numeric(Numeric.RPL_WELCOME, "Welcome to the " + info.network() + " IRC Network " + user.source());
        replies.numeric(Numeric.RPL_YOURHOST, "Your host is " + info.name() + ", running version " + info.version());
        String created =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(info.startedAt().atOffset(ZoneOffset.UTC));
        replies.numeric(Numeric.RPL_CREATED, "This server was created " + created);
        replies.numeric(Numeric.RPL_MYINFO, info.name(), info.version(), "Biow", "beiklmnostvI", "beIklov");
        isupport(replies);
        lusers(replies);
        MetadataUpdates.registered(replies, user);
        motd(replies);
    }

    public void isupport(Replies replies) {
        for (List<String> line : ISupport.lines(config.get())) {
            List<String> params = new ArrayList<>(line);
            params.add("are supported by this server");
            replies.numeric(Numeric.RPL_ISUPPORT, params.toArray(String[]::new));
        }
    }

    public void lusers(Replies replies) {
        int users = counts.current();
        int invisible = counts.invisible();
        int operators = counts.operators();
        int unknown = Math.max(0, nicks.count() - users);
        int global = users + rooms.remote().usersElsewhere();
        replies.numeric(
                Numeric.RPL_LUSERCLIENT,
                "There are " + (global - invisible) + " users and " + invisible + " invisible on 1 servers");
        replies.numeric(Numeric.RPL_LUSEROP, Integer.toString(operators), "operator(s) online");
        replies.numeric(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        replies.numeric(Numeric.RPL_LUSERCHANNELS, Integer.toString(rooms.count()), "channels formed");
        replies.numeric(Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
        String count = Integer.toString(users);
        String peak = Integer.toString(Math.max(users, counts.peak()));
        replies.numeric(Numeric.RPL_LOCALUSERS, count, peak, "Current local users " + count + ", max " + peak);
        String all = Integer.toString(global);
        String allPeak = Integer.toString(Math.max(global, counts.peak()));
        replies.numeric(Numeric.RPL_GLOBALUSERS, all, allPeak, "Current global users " + all + ", max " + allPeak);
    }

    public void motd(Replies replies) {
        List<String> lines = config.get().server().motd();
        if (lines.isEmpty()) {
            replies.numeric(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        replies.numeric(Numeric.RPL_MOTDSTART, "- " + info.name() + " Message of the day - ");
        for (String line : lines) {
            replies.numeric(Numeric.RPL_MOTD, "- " + line);
        }
        replies.numeric(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }
}
