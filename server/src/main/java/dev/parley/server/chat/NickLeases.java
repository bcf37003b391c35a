package dev.parley.server.chat;

/**
 * Nicks held on other nodes of a cluster; implemented by the cluster package. {@link Nicks} asks it
 * before handing out a nick and tells it what this node claims and releases. Calls come from event
 * loops: they answer from memory and never wait on the network.
 */
public interface NickLeases {

    /** Whether another node holds the casefolded nick. */
    boolean heldElsewhere(String foldedNick);

    /** The node holding the casefolded nick, when another node does; else null. */
    String nodeHolding(String foldedNick);

    /** This node now holds the casefolded nick. */
    void claimed(String foldedNick);

    /** This node no longer holds the casefolded nick. */
    void released(String foldedNick);

    /** A single node: no other node holds anything. */
    NickLeases LOCAL = new NickLeases() {
        @Override
        public boolean heldElsewhere(String foldedNick) {
            return false;
        }

        @Override
        public String nodeHolding(String foldedNick) {
            return null;
        }

        @Override
        public void claimed(String foldedNick) {}

        @Override
        public void released(String foldedNick) {}
    };
}
