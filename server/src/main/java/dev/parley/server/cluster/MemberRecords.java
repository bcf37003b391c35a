package dev.parley.server.cluster;

import dev.parley.server.chat.ChatUser;
import dev.parley.server.chat.RemoteMember;
import dev.parley.server.chat.Room;
import java.util.List;
import java.util.Map;

/** The rooms' Redis hashes of members, as what hears other nodes' events must change them. */
interface MemberRecords {

    /** Writes again the record of a member of this node whose status in the room changed. */
    void rewrite(Room room, ChatUser member);

    /** A lost node's members leave its rooms' hashes (each with the keys of its rooms). */
    void forgetAll(Map<RemoteMember, List<String>> gone);

    /** A lost node's users are no longer listed for WHOIS. */
    void forgetNode(String node);
}
