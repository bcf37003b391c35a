package dev.parley.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC message: IRCv3 tags, an optional source (prefix), a verb and its parameters.
 *
 * <p>Tags keep their order ({@link Tags}); a tag without a value maps to the empty string. The message is
 * immutable; the {@code with*} methods return copies.
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcMessage {
        Objects.requireNonNull(command, "command");
        tags = tags == null ? Tags.empty() : Tags.copyOf(tags);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** A message with no tags and no source. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** A message with a source and no tags. */
    public static IrcMessage from(String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, List.of(params));
    }

    public boolean hasParam(int index) {
        return index >= 0 && index < params.size();
    }

    /** The parameter at {@code index}, or {@code null} when there is none. */
    public String param(int index) {
        return hasParam(index) ? params.get(index) : null;
    }

    /** The last parameter, or {@code null} when there are none. */
    public String lastParam() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    public boolean hasTag(String key) {
        return tags.containsKey(key);
    }

    public String tag(String key) {
        return tags.get(key);
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    /** A copy with one more tag, replacing any tag of that key. */
    public IrcMessage withTag(String key, String value) {
        Tags.Builder copy = Tags.builder();
        tags.forEach(copy::put);
        return new IrcMessage(copy.put(key, value).build(), source, command, params);
    }

    public IrcMessage withoutTags() {
        return tags.isEmpty() ? this : new IrcMessage(Tags.empty(), source, command, params);
    }

    /** The verb in upper case, as the dispatcher looks it up. */
    public String verb() {
        return command.toUpperCase(java.util.Locale.ROOT);
    }

    /** The line as it would be sent, unchecked, so that logging a bad message never throws. */
    @Override
    public String toString() {
        return IrcSerializer.write(this);
    }
}
