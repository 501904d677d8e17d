package org.frischluft.model;

/**
 * An MQTT 3.1.1 topic filter (§4.7): levels separated by {@code /}, {@code +} for exactly one level, {@code #}
 * as the last level for that level and everything below it ({@code sensors/#} also matches {@code sensors}).
 * Filters starting with a wildcard do not match topics starting with {@code $} ({@code $SYS/...}), §4.7.2.
 *
 * <p>A shared subscription ({@code $share/<group>/<filter>}, MQTT 5 §4.8.2, also offered to 3.1.1 clients by
 * Mosquitto 2 and EMQX) is kept as written for subscribing; {@link #matches} compares topics with the part after
 * the group, because messages arrive with their own topic name, never with the {@code $share} prefix. Several
 * {@code record} instances subscribed with the same group share the messages between them.
 *
 * <p>Valid by construction: {@link #parse} and the constructor reject what a broker would refuse, with a message
 * that says what is wrong and how it should look. {@link #matches} allocates nothing; one filter can be shared
 * by any number of threads.
 *
 * @param value the filter as written, e.g. {@code application/+/device/+/event/up}
 */
public record TopicFilter(String value) {
    /** MQTT strings are at most 65,535 bytes of UTF-8 (§1.5.3). */
    private static final int MAX_BYTES = 65_535;
    /** The prefix of a shared subscription, {@code $share/<group>/<filter>}. */
    private static final String SHARE = "$share/";

    public TopicFilter {
        String problem = problem(value);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /**
     * The filter for {@code filter}.
     *
     * @throws IllegalArgumentException naming the mistake, e.g. {@code '#' must be the last level ...}
     */
    public static TopicFilter parse(String filter) {
        return new TopicFilter(filter);
    }

    /** True when messages published to {@code topic} (a topic name, no wildcards) are matched; false for null or "". */
    public boolean matches(String topic) {
        if (topic == null || topic.isEmpty()) return false; // topic names have at least one character (§4.7.3)
        String f = value;
        int fn = f.length();
        int tn = topic.length();
        int fi = filterStart(f);
        char first = f.charAt(fi);
        if (topic.charAt(0) == '$' && (first == '#' || first == '+')) return false;
        int ti = 0;
        while (true) {
            // fi and ti are at the start of a level
            char c = fi < fn ? f.charAt(fi) : '/';
            if (c == '#') return true;
            if (c == '+' && (fi + 1 == fn || f.charAt(fi + 1) == '/')) {
                while (ti < tn && topic.charAt(ti) != '/') ti++;
                fi++;
            } else {
                while (fi < fn && f.charAt(fi) != '/') {
                    if (ti == tn || topic.charAt(ti) != f.charAt(fi)) return false;
                    fi++;
                    ti++;
                }
                if (ti < tn && topic.charAt(ti) != '/') return false; // the topic's level is longer
            }
            boolean filterDone = fi == fn;
            boolean topicDone = ti == tn;
            if (filterDone) return topicDone;
            if (topicDone) return fn - fi == 2 && f.charAt(fi + 1) == '#'; // "a/#" matches "a"
            fi++;
            ti++;
        }
    }

    /** True for a shared subscription, {@code $share/<group>/<filter>}. */
    public boolean isShared() {
        return value.startsWith(SHARE);
    }

    /** The group of a shared subscription ({@code frischluft} in {@code $share/frischluft/v3/#}); null when not shared. */
    public String shareGroup() {
        return isShared() ? value.substring(SHARE.length(), value.indexOf('/', SHARE.length())) : null;
    }

    /** The filter topics are matched against: without a {@code $share/<group>/} prefix, otherwise as written. */
    public String matchFilter() {
        return value.substring(filterStart(value));
    }

    /** Where the matched part begins: after {@code $share/<group>/}, else 0. Valid filters only. */
    private static int filterStart(String f) {
        if (!f.startsWith(SHARE)) return 0;
        return f.indexOf('/', SHARE.length()) + 1;
    }

    /** The filter as written. */
    @Override
    public String toString() {
        return value;
    }

    /** Why {@code filter} is no valid topic filter, in words for the person who wrote it; null when it is valid. */
    private static String problem(String filter) {
        if (filter == null) return "A topic filter is required, for example sensors/# for every topic below sensors.";
        if (filter.isEmpty()) return "A topic filter cannot be empty; use # to match every topic.";
        int bytes = 0;
        int level = 1;
        int levelStart = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == 0) {
                return "Topic filter \"" + printable(filter) + "\" contains a NUL character (shown as \\0) in level "
                        + level + "; MQTT does not allow it in topics.";
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < filter.length()
                        && Character.isLowSurrogate(filter.charAt(i + 1));
                if (!pair) {
                    return "Topic filter \"" + printable(filter) + "\" contains a broken character (a lone UTF-16 "
                            + "surrogate) in level " + level + "; MQTT topics must be valid UTF-8.";
                }
                bytes += 4;
                i++;
                continue;
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (c == '/') {
                level++;
                levelStart = i + 1;
            } else if (c == '#' || c == '+') {
                int end = filter.indexOf('/', i);
                String lvl = filter.substring(levelStart, end < 0 ? filter.length() : end);
                if (!lvl.equals(String.valueOf(c))) {
                    String example = c == '#' ? "sensors/#" : "sensors/+/co2";
                    return "Topic filter \"" + filter + "\": '" + c + "' must be a whole level on its own, as in \""
                            + example + "\", but level " + level + " is \"" + lvl + "\"."
                            + (c == '#' ? "" : " '+' stands for exactly one level.");
                }
                if (c == '#' && end >= 0) {
                    return "Topic filter \"" + filter + "\": '#' matches everything below its level, so it must be "
                            + "the last level, as in \"" + filter.substring(0, i + 1) + "\"; level " + level
                            + " is followed by more.";
                }
            }
        }
        if (bytes > MAX_BYTES) {
            return "A topic filter is " + bytes + " bytes long in UTF-8; MQTT allows at most " + MAX_BYTES + ".";
        }
        return filter.startsWith(SHARE) ? sharedProblem(filter) : null;
    }

    /** {@code $share/<group>/<filter>}: a group name without wildcards, then a filter (MQTT 5 §4.8.2). */
    private static String sharedProblem(String filter) {
        String example = " as in \"$share/frischluft/v3/+/devices/+/up\"";
        int slash = filter.indexOf('/', SHARE.length());
        String group = filter.length() <= SHARE.length() ? ""
                : filter.substring(SHARE.length(), slash < 0 ? filter.length() : slash);
        if (group.isEmpty()) {
            return "Shared subscription \"" + filter + "\" needs a group name after $share/," + example + ".";
        }
        if (group.contains("+") || group.contains("#")) {
            return "Shared subscription \"" + filter + "\": the group name \"" + group + "\" cannot contain '+' or '#',"
                    + example + ".";
        }
        if (slash < 0 || slash == filter.length() - 1) {
            return "Shared subscription \"" + filter + "\" needs a topic filter after the group name," + example + ".";
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) b.append("\\0");
            else if (Character.isSurrogate(c)) b.append('\uFFFD');
            else b.append(c);
        }
        return b.toString();
    }
}
