package dev.parley.server.chat;

import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.CaseMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A room (an IRC channel). Membership, modes, topic and lists change under this room's own lock;
 * readers get immutable snapshots and hold no lock, so fan-out never waits on a JOIN.
 */
public final class Room {

    private final String name;
    private final String key;
    private final CaseMapping caseMapping;
    private final long createdAtSeconds;

    private volatile Map<ChatUser, MemberStatus> members = Map.of();
    private volatile RoomModes modes = RoomModes.NEW_ROOM;
    private volatile Topic topic;
    private final MaskList bans;
    private final MaskList banExceptions;
    private final MaskList inviteExceptions;
    private final Set<String> invited = new LinkedHashSet<>();
    private final Metadata metadata = new Metadata();
    private volatile String founder;
    private volatile List<String> operatorAccounts = List.of();
    private boolean closed;
    private boolean sharedElsewhere;

    public Room(String name, CaseMapping caseMapping, long createdAtSeconds) {
        this.name = name;
        this.key = caseMapping.fold(name);
        this.caseMapping = caseMapping;
        this.createdAtSeconds = createdAtSeconds;
        this.bans = new MaskList(caseMapping);
        this.banExceptions = new MaskList(caseMapping);
        this.inviteExceptions = new MaskList(caseMapping);
    }

    /** The name as its creator wrote it, with '#'. */
    public String name() {
        return name;
    }

    /** The casefolded name: the key of maps and of history. */
    public String key() {
        return key;
    }

    public long createdAtSeconds() {
        return createdAtSeconds;
    }

    public Map<ChatUser, MemberStatus> members() {
        return members;
    }

    /** Whether the user, or the account presence it is a device of, is a member. */
    public boolean isMember(ChatUser user) {
        return members.containsKey(user.actor());
    }

    public Optional<MemberStatus> status(ChatUser user) {
        return Optional.ofNullable(members.get(user.actor()));
    }

    public RoomModes modes() {
        return modes;
    }

    public Topic topic() {
        return topic;
    }

    /** The room's IRCv3 metadata; it lives as long as the room. */
    public Metadata metadata() {
        return metadata;
    }

    /** The account that founded the room (it is registered), or {@code null} for a room no one owns. */
    public String founder() {
        return founder;
    }

    /** Whether an account founded the room: then it keeps its state and only its accounts get ops. */
    public boolean isRegistered() {
        return founder != null;
    }

    /** Accounts besides the founder that get room-operator status on joining, as they were written. */
    public List<String> operatorAccounts() {
        return operatorAccounts;
    }

    /** Whether the user is logged in to the founder's account. */
    public boolean isFounder(ChatUser user) {
        return founder != null && user.account() != null && caseMapping.equal(founder, user.account());
    }

    /** Whether the user's account is the founder's or one given ops: they get ops on joining. */
    public boolean hasOperatorAccount(ChatUser user) {
        String account = user.account();
        return account != null
                && (isFounder(user) || operatorAccounts.stream().anyMatch(a -> caseMapping.equal(a, account)));
    }

    /** Makes the account the room's founder: called once, when a logged-in user creates the room. */
    synchronized void found(String account) {
        founder = account;
    }

    /** Sets the state a registered room kept: called once, before anyone joins. */
    synchronized void restore(
            String founderAccount, List<String> operators, RoomModes restoredModes, Topic restoredTopic) {
        founder = founderAccount;
        operatorAccounts = List.copyOf(operators);
        modes = restoredModes;
        topic = restoredTopic;
    }

    /** The room's modes, topic and lists, as the other nodes of a cluster take them on. */
    public SharedRoomState sharedState() {
        return new SharedRoomState(
                modes,
                topic,
                bans.entries(),
                banExceptions.entries(),
                inviteExceptions.entries(),
                List.copyOf(invited),
                0);
    }

    /**
     * Takes on the state the room has on other nodes of a cluster, before anyone joins here: its
     * first member here is not its creator, so gets no operator status and passes its modes.
     */
    synchronized void adopt(SharedRoomState state) {
        sharedElsewhere = true;
        modes = state.modes();
        topic = state.topic();
        state.bans().forEach(entry -> bans.add(entry, Integer.MAX_VALUE));
        state.banExceptions().forEach(entry -> banExceptions.add(entry, Integer.MAX_VALUE));
        state.inviteExceptions().forEach(entry -> inviteExceptions.add(entry, Integer.MAX_VALUE));
        invited.addAll(state.invited());
    }

    /**
     * Gives or takes an account's lasting room-operator status (registered rooms only; the founder's
     * is not changed here). Whether the list changed.
     */
    public synchronized boolean setOperatorAccount(String account, boolean on) {
        if (founder == null || caseMapping.equal(founder, account)) {
            return false;
        }
        List<String> next = new ArrayList<>(operatorAccounts);
        boolean changed = on
                ? next.stream().noneMatch(a -> caseMapping.equal(a, account)) && next.add(account)
                : next.removeIf(a -> caseMapping.equal(a, account));
        operatorAccounts = List.copyOf(next);
        return changed;
    }

    /** +b: masks that may not join or speak, unless they match {@link #banExceptions()}. */
    public MaskList bans() {
        return bans;
    }

    /** +e: masks exempt from the bans. */
    public MaskList banExceptions() {
        return banExceptions;
    }

    /** +I: masks that may join while the room is invite-only without an invitation. */
    public MaskList inviteExceptions() {
        return inviteExceptions;
    }

    public JoinOutcome join(ChatUser joiner, String givenKey) {
        return join(joiner, givenKey, 0);
    }

    /**
     * Like {@link #join(ChatUser, String)}, with {@code membersElsewhere} more members on the other
     * nodes of a cluster, counted against the room's limit (+l).
     */
    public synchronized JoinOutcome join(ChatUser joiner, String givenKey, int membersElsewhere) {
        ChatUser user = joiner.actor();
        if (closed) {
            return new JoinOutcome.Closed();
        }
        if (members.containsKey(user)) {
            return new JoinOutcome.AlreadyMember();
        }
        JoinOutcome refusal = refusalFor(user, givenKey, membersElsewhere);
        if (refusal != null) {
            return refusal;
        }
        invited.remove(caseMapping.fold(user.nick()));
        Map<ChatUser, MemberStatus> next = new LinkedHashMap<>(members);
        next.put(user, statusOnJoining(user));
        members = Collections.unmodifiableMap(next);
        return new JoinOutcome.Joined(this, members);
    }

    /**
     * In a registered room, ops go to the founder's and the operator accounts only; in a room no
     * one owns, to whoever creates it, for as long as it lasts.
     */
    private MemberStatus statusOnJoining(ChatUser user) {
        if (founder != null) {
            return hasOperatorAccount(user) ? MemberStatus.OPERATOR : MemberStatus.PLAIN;
        }
        return members.isEmpty() && !sharedElsewhere ? MemberStatus.OPERATOR : MemberStatus.PLAIN;
    }

    /** Why the user may not join, or null. A new room lets its creator in; a registered room its operator accounts. */
    private JoinOutcome refusalFor(ChatUser user, String givenKey, int membersElsewhere) {
        if (members.isEmpty() && founder == null && !sharedElsewhere || hasOperatorAccount(user)) {
            return null;
        }
        RoomModes current = modes;
        boolean wasInvited = invited.contains(caseMapping.fold(user.nick()));
        if (current.key() != null && !current.key().equals(givenKey)) {
            return new JoinOutcome.Refused(Numeric.ERR_BADCHANNELKEY, "Cannot join channel (+k)");
        }
        if (current.limit() > 0 && members.size() + membersElsewhere >= current.limit() && !wasInvited) {
            return new JoinOutcome.Refused(Numeric.ERR_CHANNELISFULL, "Cannot join channel (+l)");
        }
        if (current.inviteOnly() && !wasInvited && !inviteExceptions.matches(user)) {
            return new JoinOutcome.Refused(Numeric.ERR_INVITEONLYCHAN, "Cannot join channel (+i)");
        }
        if (!wasInvited && isBanned(user)) {
            return new JoinOutcome.Refused(Numeric.ERR_BANNEDFROMCHAN, "Cannot join channel (+b)");
        }
        return null;
    }

    /** Removes the user; returns whether they were a member. An emptied room closes. */
    public synchronized boolean remove(ChatUser leaver) {
        ChatUser user = leaver.actor();
        if (!members.containsKey(user)) {
            return false;
        }
        Map<ChatUser, MemberStatus> next = new LinkedHashMap<>(members);
        next.remove(user);
        members = Collections.unmodifiableMap(next);
        if (next.isEmpty()) {
            closed = true;
        }
        return true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Closes the room if nobody is in it (a room opened for a join it then refused); a join racing
     * this sees it closed and opens the room afresh. Whether it is closed now.
     */
    synchronized boolean closeIfUnused() {
        if (members.isEmpty()) {
            closed = true;
        }
        return closed;
    }

    /** Changes a member's privileges; false when the user is not a member. */
    public synchronized boolean setStatus(ChatUser member, MemberStatus status) {
        ChatUser user = member.actor();
        if (!members.containsKey(user)) {
            return false;
        }
        Map<ChatUser, MemberStatus> next = new LinkedHashMap<>(members);
        next.put(user, status);
        members = Collections.unmodifiableMap(next);
        return true;
    }

    public synchronized void setModes(RoomModes value) {
        modes = value;
    }

    public synchronized void setTopic(Topic value) {
        topic = value;
    }

    /** Remembers an invitation until the invitee joins; the oldest is forgotten past {@code maxEntries}. */
    public synchronized void invite(String nick, int maxEntries) {
        invited.add(caseMapping.fold(nick));
        Iterator<String> oldest = invited.iterator();
        while (invited.size() > maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether the user matches a ban and no ban exception. */
    public boolean isBanned(ChatUser user) {
        return bans.matches(user) && !banExceptions.matches(user);
    }

    /** Whether an {@code m:} ban mutes the user and no ban exception (plain or {@code m:}) lifts it. */
    public boolean isMuted(ChatUser user) {
        return bans.mutes(user) && !banExceptions.matches(user) && !banExceptions.mutes(user);
    }

    /** Whether the user holds an invitation not yet used. */
    public synchronized boolean isInvited(String nick) {
        return invited.contains(caseMapping.fold(nick));
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A user's message to this room, or with {@code statusPrefix} ('@' or '+', else '\0') to its
     * operators or voiced members: refused when the room does not let the sender speak, else stamped
     * by {@code delivery} for the members who hear it, ready to send. Writes no reply itself.
     */
    public PostResult post(ChatMessage message, char statusPrefix, Stamping delivery) {
        Numeric refusal = speechRefusal(message.sender());
        if (refusal != null) {
            return new PostResult.Refused(refusal, "Cannot send to channel");
        }
        return new PostResult.Posted(
                delivery.stampForRoom(message, name, key, statusPrefix, audience(message.sender(), statusPrefix)));
    }

    /**
     * Who hears a member's message: everyone else in the room, or with a STATUSMSG prefix only its
     * operators ({@code @}) or its operators and voiced members ({@code +}). A fresh list the caller owns.
     */
    private List<ChatUser> audience(ChatUser sender, char statusPrefix) {
        Map<ChatUser, MemberStatus> now = members;
        List<ChatUser> audience = new ArrayList<>(now.size());
        now.forEach((member, status) -> {
            if (member != sender && (statusPrefix == '\0' || reaches(status, statusPrefix))) {
                audience.add(member);
            }
        });
        return audience;
    }

    /**
     * Who on this node hears a message to the room sent from another node: every member, or with a
     * STATUSMSG prefix its operators (and voiced members). A fresh list the caller owns.
     */
    public List<ChatUser> hearers(char statusPrefix) {
        return audience(null, statusPrefix);
    }

    private static boolean reaches(MemberStatus status, char statusPrefix) {
        return status.op() || (statusPrefix == '+' && status.voice());
    }

    /** Why the user may not speak here (the numeric to refuse with), or null when they may. */
    private Numeric speechRefusal(ChatUser user) {
        MemberStatus status = members.get(user.actor());
        boolean privileged = status != null && (status.op() || status.voice());
        RoomModes current = modes;
        if (status == null && current.noExternal()) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        if (current.moderated() && !privileged) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        if (!privileged && (isBanned(user) || isMuted(user))) {
            return Numeric.ERR_CANNOTSENDTOCHAN;
        }
        return null;
    }

    /** Stamps what {@link #post} accepted: implemented by {@link Delivery}, which the room never calls back into. */
    public interface Stamping {
        Outgoing stampForRoom(
                ChatMessage message, String roomName, String roomKey, char statusPrefix, List<ChatUser> recipients);
    }

    /** What {@link Room#join} did. */
    public sealed interface JoinOutcome {

        /** The user is now a member; {@code members} includes them. */
        record Joined(Room room, Map<ChatUser, MemberStatus> members) implements JoinOutcome {}

        /** The user was a member already: nothing happens. */
        record AlreadyMember() implements JoinOutcome {}

        /** Refused with this numeric and text. */
        record Refused(Numeric numeric, String text) implements JoinOutcome {}

        /** The room emptied and closed while joining: look it up again. */
        record Closed() implements JoinOutcome {}
    }
}
