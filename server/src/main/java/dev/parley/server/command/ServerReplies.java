package dev.parley.server.command;

import dev.parley.protocol.Numeric;
import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.UserCounts;
import dev.parley.server.session.Replies;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Replies describing the server: the welcome burst, ISUPPORT, LUSERS and MOTD. */
public final class ServerReplies {

    private ServerReplies() {}

    /** 001 to 005, LUSERS and MOTD: what a client receives right after registering. */
    public static void welcome(Replies replies, Services services, ChatUser user) {
        ServerInfo info = services.info();
        replies.numeric(Numeric.RPL_WELCOME, "Welcome to the " + info.network() + " IRC Network " + user.source());
        replies.numeric(Numeric.RPL_YOURHOST, "Your host is " + info.name() + ", running version " + info.version());
        String created = DateTimeFormatter.RFC_1123_DATE_TIME.format(info.startedAt().atOffset(ZoneOffset.UTC));
        replies.numeric(Numeric.RPL_CREATED, "This server was created " + created);
        replies.numeric(Numeric.RPL_MYINFO, info.name(), info.version(), "Biow", "beiklmnostvI", "beIklov");
        isupport(replies, services);
        lusers(replies, services);
        MetadataUpdates.registered(replies, user);
        motd(replies, services);
    }

    public static void isupport(Replies replies, Services services) {
        for (List<String> line : ISupport.lines(services.config())) {
            List<String> params = new ArrayList<>(line);
            params.add("are supported by this server");
            replies.numeric(Numeric.RPL_ISUPPORT, params.toArray(String[]::new));
        }
    }

    public static void lusers(Replies replies, Services services) {
        UserCounts counts = services.counts();
        int users = counts.current();
        int invisible = counts.invisible();
        int operators = counts.operators();
        int unknown = Math.max(0, services.nicks().count() - users);
        replies.numeric(Numeric.RPL_LUSERCLIENT,
                "There are " + (users - invisible) + " users and " + invisible + " invisible on 1 servers");
        replies.numeric(Numeric.RPL_LUSEROP, Integer.toString(operators), "operator(s) online");
        replies.numeric(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        replies.numeric(Numeric.RPL_LUSERCHANNELS, Integer.toString(services.rooms().count()), "channels formed");
        replies.numeric(Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
        String count = Integer.toString(users);
        String peak = Integer.toString(Math.max(users, services.counts().peak()));
        replies.numeric(Numeric.RPL_LOCALUSERS, count, peak, "Current local users " + count + ", max " + peak);
        replies.numeric(Numeric.RPL_GLOBALUSERS, count, peak, "Current global users " + count + ", max " + peak);
    }

    public static void motd(Replies replies, Services services) {
        List<String> lines = services.config().server().motd();
        if (lines.isEmpty()) {
            replies.numeric(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        replies.numeric(Numeric.RPL_MOTDSTART, "- " + services.serverName() + " Message of the day - ");
        for (String line : lines) {
            replies.numeric(Numeric.RPL_MOTD, "- " + line);
        }
        replies.numeric(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }
}
