package dev.parley.server.cluster;

/**
 * One room message on the bus: which node sent it, the room, its position in the room's order, the
 * STATUSMSG prefix ('\0' for none) and the line as members see it. Encoded as one space-separated
 * text with the line last (node ids and room keys hold no spaces).
 */
record BusMessage(String node, String roomKey, long position, char statusPrefix, String line) {

    String encode() {
        return node + ' ' + roomKey + ' ' + position + ' ' + (statusPrefix == '\0' ? '-' : statusPrefix) + ' ' + line;
    }

    /** The message, or null when {@code text} is not one (another version's, or garbage). */
    static BusMessage decode(String text) {
        String[] parts = text.split(" ", 5);
        if (parts.length < 5 || parts[3].length() != 1) {
            return null;
        }
        try {
            char prefix = parts[3].charAt(0) == '-' ? '\0' : parts[3].charAt(0);
            return new BusMessage(parts[0], parts[1], Long.parseLong(parts[2]), prefix, parts[4]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
