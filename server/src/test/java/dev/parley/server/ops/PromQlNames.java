package dev.parley.server.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it removes what is not a metric name
 * (strings, label matchers, ranges, grouping label lists, Grafana variables, numbers with units),
 * then takes every remaining identifier that is neither a function call nor a keyword. Enough for
 * the expressions an operator writes in rules and dashboards, and it errs towards finding a name
 * too many, which fails the test rather than passing it.
 */
final class PromQlNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?[a-z]*\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    private PromQlNames() {}

    static Set<String> in(String expression) {
        String rest = expression;
        for (Pattern noise : new Pattern[] {STRING, MATCHERS, RANGE, GROUPING, VARIABLE, NUMBER}) {
            rest = noise.matcher(rest).replaceAll(" ");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String word = identifier.group().replaceAll("\\s*\\($", "");
            boolean call = identifier.group(1) != null;
            if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
