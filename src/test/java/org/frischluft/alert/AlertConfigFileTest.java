package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import org.frischluft.model.SensorModel;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.Test;

/** The alert settings file is checked like the school file: every problem at once, with where and what to do. */
class AlertConfigFileTest {
    private final SchoolModel school = Trace.school("r-101");

    private AlertConfigFile.Result parse(String json) {
        return AlertConfigFile.parse(json, school, new Problems());
    }

    @Test
    void aSiteChangesOnlyTheKeysItNamesAndDeliveryIsRead() {
        AlertConfigFile.Result r = parse("""
                {"defaults": {"co2HighMinutes": 20, "off": ["window-open"], "batteryVolts": {"milesight-am103": 2.9}},
                 "sites": {"s": {"co2HighPpm": 1800, "heatingMonths": [11, 12, 1]}},
                 "recipients": [{"email": "hausmeister@schule.example", "language": "de"},
                                {"email": "schultraeger@stadt.example", "escalation": true, "sites": ["s"]}],
                 "smtp": {"host": "mail.example.org", "port": 587, "from": "frischluft@schule.example", "passwordEnv": "SMTP_PW"},
                 "webhooks": [{"url": "https://example.org/hook"}],
                 "mqtt": false}
                """);
        assertThat(r.problems()).isEmpty();
        AlertConfig c = r.config();
        assertThat(c.defaults().co2HighMinutes()).isEqualTo(20);
        assertThat(c.defaults().on(Rule.WINDOW_OPEN)).isFalse();
        AlertSettings s = c.settings(SiteId.of("s"));
        assertThat(s.co2HighPpm()).isEqualTo(1800);
        assertThat(s.co2ResolvePpm()).as("the hysteresis follows the threshold").isEqualTo(1650);
        assertThat(s.co2HighMinutes()).as("from the defaults").isEqualTo(20);
        assertThat(s.heatingMonths()).containsExactlyInAnyOrder(Month.NOVEMBER, Month.DECEMBER, Month.JANUARY);
        assertThat(s.batteryVolts()).containsEntry(SensorModel.MILESIGHT_AM103, 2.9);
        assertThat(c.recipients()).extracting(AlertConfig.Recipient::escalation).containsExactly(false, true);
        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(c.webhooks()).hasSize(1);
        assertThat(c.mqtt()).isFalse();
    }

    @Test
    void everyProblemIsListedAtOnceWithItsPlace() {
        AlertConfigFile.Result r = parse("""
                {"defaults": {"co2HighPpn": 2000, "co2HighMinutes": "thirty", "redInLessonMinutes": 500, "off": ["co2-hihg"]},
                 "sites": {"gs-nirgendwo": {}},
                 "recipients": [{"email": "hausmeister"}],
                 "webhooks": [{"url": "ftp://example.org"}]}
                """);
        assertThat(r.ok()).isFalse();
        List<String> lines = r.problems().stream().map(p -> p.describe(Locale.ENGLISH)).toList();
        assertThat(lines).containsExactlyInAnyOrder(
                "defaults.co2HighPpn: \"co2HighPpn\" is not a setting here. Did you mean \"co2HighPpm\"?",
                "defaults.co2HighMinutes: \"co2HighMinutes\" must be a number (without quotes), not \"thirty\".",
                "defaults.redInLessonMinutes: 500 is outside the allowed range 1 to 120.",
                "defaults.off[0]: \"co2-hihg\" is not an alert rule. Use one of: co2-high, red-in-lesson, sensor-silent, window-open, battery-low, drift.",
                "sites.gs-nirgendwo: \"gs-nirgendwo\" is not a site of the school file. Use one of: s.",
                "recipients[0].email: \"hausmeister\" is not an e-mail address (name@example.org).",
                "smtp: e-mail recipients are listed (1) but there is no \"smtp\" section: add the mail server (host, port, from).",
                "webhooks[0].url: \"ftp://example.org\" is not a web address; a webhook needs http:// or https:// and a host.");
        assertThat(r.problems()).allMatch(Problem::isError);
    }

    @Test
    void theMessagesAreInGermanToo() {
        AlertConfigFile.Result r = parse("{\"defaults\": {\"off\": [\"co2-hihg\"]}}");
        assertThat(r.problems().get(0).describe(Locale.GERMAN))
                .isEqualTo("defaults.off[0]: \"co2-hihg\" ist keine Alarmregel. Möglich sind: co2-high, red-in-lesson, sensor-silent, window-open, battery-low, drift.");
    }
}
