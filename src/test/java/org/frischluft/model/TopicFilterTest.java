package org.frischluft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MQTT 3.1.1 §4.7 topic filters: the spec's examples, the invalid forms, and a plain reference matcher. */
class TopicFilterTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // §4.7.1.2 multi-level wildcard
        "sport/tennis/player1/# | sport/tennis/player1                 | true",
        "sport/tennis/player1/# | sport/tennis/player1/ranking         | true",
        "sport/tennis/player1/# | sport/tennis/player1/score/wimbledon | true",
        "sport/#                | sport                                | true",
        "sport/#                | sport/                               | true",
        "sport/#                | sports                               | false",
        "#                      | sport/tennis                         | true",
        "#                      | /                                    | true",
        // §4.7.1.3 single-level wildcard
        "sport/tennis/+         | sport/tennis/player1                 | true",
        "sport/tennis/+         | sport/tennis/player2                 | true",
        "sport/tennis/+         | sport/tennis/player1/ranking         | false",
        "sport/+                | sport                                | false",
        "sport/+                | sport/                               | true",
        "+/+                    | /finance                             | true",
        "/+                     | /finance                             | true",
        "+                      | /finance                             | false",
        "+                      | finance                              | true",
        "+/tennis/#             | sport/tennis/player1                 | true",
        "+/tennis/#             | sport/tennis                         | true",
        "+/tennis/#             | sport/golf                           | false",
        // §4.7.2 topics beginning with $
        "#                      | $SYS/broker/clients                  | false",
        "+/monitor/Clients      | $SYS/monitor/Clients                 | false",
        "$SYS/#                 | $SYS/monitor/Clients                 | true",
        "$SYS/monitor/+         | $SYS/monitor/Clients                 | true",
        "a/+                    | a/$x                                 | true",
        // literal levels: whole levels, case-sensitive, empty levels count
        "sensors/a              | sensors/a                            | true",
        "sensors/a              | sensors/ab                           | false",
        "sensors/ab             | sensors/a                            | false",
        "sensors/a              | Sensors/a                            | false",
        "sensors/a              | sensors/a/                           | false",
        "sensors/a/             | sensors/a/                           | true",
        "sensors//a             | sensors//a                           | true",
        "sensors/+/a            | sensors//a                           | true",
        "application/+/device/+/event/up | application/17c8/device/0101010101010101/event/up | true",
        "application/+/device/+/event/up | application/17c8/device/0101010101010101/event/join | false",
        "v3/+/devices/+/up      | v3/app@ttn/devices/dev1/up/normalized | false",
        "tele/+/SENSOR          | tele/snifferbuddy/SENSOR             | true",
        "räume/+/co2            | räume/101/co2                        | true",
        // shared subscriptions (issue 15): topics are matched with the part after $share/<group>/
        "$share/frischluft/v3/+/devices/+/up | v3/app@ttn/devices/dev1/up       | true",
        "$share/frischluft/v3/+/devices/+/up | v3/app@ttn/devices/dev1/join     | false",
        "$share/frischluft/v3/+/devices/+/up | $share/frischluft/v3/a/devices/d/up | false",
        "$share/g/#             | sensors/a                            | true",
        "$share/g/#             | $SYS/broker/clients                  | false",
        "$share/g/$SYS/#        | $SYS/broker/clients                  | true",
        "$share/g/sensors/a     | sensors/a                            | true",
        "$share/g/sensors/a     | g/sensors/a                          | false",
    })
    void matchesAsTheSpecSays(String filter, String topic, boolean expected) {
        assertThat(TopicFilter.parse(filter).matches(topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a/#/b     | '#' matches everything below its level, so it must be the last level, as in \"a/#\"",
        "#/a       | must be the last level",
        "a/b#      | '#' must be a whole level on its own, as in \"sensors/#\", but level 2 is \"b#\"",
        "a/#b      | but level 2 is \"#b\"",
        "a+/b      | '+' must be a whole level on its own, as in \"sensors/+/co2\", but level 1 is \"a+\"",
        "a/+b/c    | level 2 is \"+b\"",
        "a/b/c+    | level 3 is \"c+\"",
        "++        | level 1 is \"++\"",
        "$share/   | needs a group name after $share/",
        "$share//a | needs a group name after $share/",
        "$share/+/a | the group name \"+\" cannot contain '+' or '#'",
        "$share/g  | needs a topic filter after the group name",
        "$share/g/ | needs a topic filter after the group name",
    })
    void invalidFiltersAreRefusedWithTheReason(String filter, String reason) {
        assertThatThrownBy(() -> TopicFilter.parse(filter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason).hasMessageContaining(filter);
    }

    @Test
    void aSharedSubscriptionKeepsItsPrefixForSubscribingAndNamesItsGroup() {
        TopicFilter shared = TopicFilter.parse("$share/frischluft/v3/+/devices/+/up");
        assertThat(shared.isShared()).isTrue();
        assertThat(shared.shareGroup()).isEqualTo("frischluft");
        assertThat(shared.matchFilter()).isEqualTo("v3/+/devices/+/up");
        assertThat(shared.toString()).isEqualTo("$share/frischluft/v3/+/devices/+/up");
        TopicFilter plain = TopicFilter.parse("v3/+/devices/+/up");
        assertThat(plain.isShared()).isFalse();
        assertThat(plain.shareGroup()).isNull();
        assertThat(plain.matchFilter()).isEqualTo("v3/+/devices/+/up");
    }

    @Test
    void emptyNulAndOversizedFiltersAreRefused() {
        assertThatThrownBy(() -> TopicFilter.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A topic filter cannot be empty; use # to match every topic.");
        assertThatThrownBy(() -> TopicFilter.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> TopicFilter.parse("a/b\0c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Topic filter \"a/b\\0c\" contains a NUL character (shown as \\0) in level 2; "
                        + "MQTT does not allow it in topics.");
        assertThatThrownBy(() -> TopicFilter.parse("a/\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken character");
        assertThat(TopicFilter.parse("a/\uD83D\uDE00").matches("a/\uD83D\uDE00")).isTrue(); // a surrogate pair is fine
        assertThat(TopicFilter.parse("x".repeat(65_535))).isNotNull();
        assertThatThrownBy(() -> TopicFilter.parse("x".repeat(65_536))).hasMessageContaining("65536 bytes");
        assertThatThrownBy(() -> TopicFilter.parse("ä".repeat(32_768))).hasMessageContaining("65536 bytes");
        assertThatThrownBy(() -> new TopicFilter("a/#/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "/", "sensors/#", "application/+/device/+/event/up", "a//b", "$SYS/#", "+/+/#"})
    void toStringGivesTheFilterBack(String filter) {
        assertThat(TopicFilter.parse(filter)).hasToString(filter);
        assertThat(TopicFilter.parse(filter)).isEqualTo(TopicFilter.parse(filter));
    }

    @Test
    void noTopicAndTheEmptyTopicMatchNothing() {
        assertThat(TopicFilter.parse("#").matches(null)).isFalse();
        assertThat(TopicFilter.parse("#").matches("")).isFalse();
        assertThat(TopicFilter.parse("+").matches("")).isFalse();
    }

    /** Random filters and topics over a small alphabet agree with the textbook level-by-level matcher. */
    @Test
    void agreesWithALevelByLevelReferenceMatcher() {
        String[] filterLevels = {"a", "b", "", "$x", "+", "ab"};
        String[] topicLevels = {"a", "b", "", "$x", "ab", "ba"};
        Random rnd = new Random(1);
        int matched = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder f = new StringBuilder();
            int fl = 1 + rnd.nextInt(4);
            for (int k = 0; k < fl; k++) {
                if (k > 0) f.append('/');
                f.append(k == fl - 1 && rnd.nextInt(4) == 0 ? "#" : filterLevels[rnd.nextInt(filterLevels.length)]);
            }
            StringBuilder t = new StringBuilder();
            int tl = 1 + rnd.nextInt(4);
            for (int k = 0; k < tl; k++) {
                if (k > 0) t.append('/');
                t.append(topicLevels[rnd.nextInt(topicLevels.length)]);
            }
            if (t.isEmpty() || f.isEmpty()) continue;
            boolean expected = reference(f.toString(), t.toString());
            assertThat(TopicFilter.parse(f.toString()).matches(t.toString())).as(f + " ~ " + t).isEqualTo(expected);
            assertThat(TopicFilter.parse("$share/g/" + f).matches(t.toString())).as("$share/g/" + f + " ~ " + t)
                    .isEqualTo(expected);
            if (expected) matched++;
        }
        assertThat(matched).isBetween(2_000, 40_000);
    }

    private static boolean reference(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && (f[0].equals("#") || f[0].equals("+"))) return false;
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) return true;
            if (i >= t.length) return false;
            if (!f[i].equals("+") && !f[i].equals(t[i])) return false;
        }
        return f.length == t.length;
    }
}
