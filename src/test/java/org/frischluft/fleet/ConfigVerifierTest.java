package org.frischluft.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.admin.KioskAssignments;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.Test;

/** A kiosk applies only a message signed by its key, unchanged, for its site and newer than the last. */
class ConfigVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T08:00:00Z"), ZoneOffset.UTC);
    private static final SiteId SITE = SiteId.of("gs-test");
    private final KeyPair keys = ConfigKeys.newPair();
    private final ConfigVerifier verifier = new ConfigVerifier(keys.getPublic(), CLOCK);
    private final SchoolModel school = KioskAssignments.assign(FleetFixtures.school("gs-test"), SITE, "k-a1", RoomId.of("r-204"), null);

    private String signed(long version) {
        return ConfigMessage.of(school, SITE, version, CLOCK.instant()).sign(keys.getPrivate(), ConfigKeys.fingerprint(keys.getPublic()));
    }

    private ConfigVerifier.Verdict verify(String text, long last) {
        return verifier.verify(text.getBytes(StandardCharsets.UTF_8), SITE, last);
    }

    private static Refusal.Reason reason(ConfigVerifier.Verdict v) {
        assertThat(v).isInstanceOf(ConfigVerifier.Refused.class);
        return ((ConfigVerifier.Refused) v).refusal().reason();
    }

    @Test
    void aSignedMessageIsAcceptedWithItsSchoolAndTheKioskRoom() {
        ConfigVerifier.Verdict v = verify(signed(7), 6);
        assertThat(v).isInstanceOf(ConfigVerifier.Accepted.class);
        ConfigVerifier.Accepted a = (ConfigVerifier.Accepted) v;
        assertThat(a.message().version()).isEqualTo(7);
        assertThat(a.school().kiosk("k-a1").orElseThrow().room()).isEqualTo(RoomId.of("r-204"));
        assertThat(a.school().rooms()).hasSize(27);
    }

    @Test
    void oneChangedCharacterInThePayloadIsTampered() {
        String s = signed(7);
        String[] p = s.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8).replace("r-204", "r-205");
        String forged = p[0] + "." + ConfigMessage.b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertThat(reason(verify(forged, 0))).isEqualTo(Refusal.Reason.TAMPERED);
    }

    @Test
    void anotherKeysSignatureIsTamperedAndSaysWhichKey() {
        KeyPair other = ConfigKeys.newPair();
        String s = ConfigMessage.of(school, SITE, 7, CLOCK.instant()).sign(other.getPrivate(), ConfigKeys.fingerprint(other.getPublic()));
        ConfigVerifier.Refused r = (ConfigVerifier.Refused) verify(s, 0);
        assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.TAMPERED);
        assertThat(r.refusal().detail()).contains("another key").contains(ConfigKeys.fingerprint(keys.getPublic()));
    }

    @Test
    void plainJsonNoSignatureAndAlgNoneAreUnsigned() {
        String payload = new String(ConfigMessage.of(school, SITE, 7, CLOCK.instant()).payload(), StandardCharsets.UTF_8);
        assertThat(reason(verify(payload, 0))).isEqualTo(Refusal.Reason.UNSIGNED);
        String[] p = signed(7).split("\\.");
        assertThat(reason(verify(p[0] + "." + p[1] + ".", 0))).isEqualTo(Refusal.Reason.UNSIGNED);
        String none = ConfigMessage.b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(reason(verify(none + "." + p[1] + "." + p[2], 0))).isEqualTo(Refusal.Reason.UNSIGNED);
    }

    @Test
    void aMessageForAnotherSiteIsRefused() {
        ConfigVerifier other = new ConfigVerifier(keys.getPublic(), CLOCK);
        assertThat(reason(other.verify(signed(7).getBytes(StandardCharsets.UTF_8), SiteId.of("gs-other"), 0)))
                .isEqualTo(Refusal.Reason.OTHER_SITE);
    }

    @Test
    void anOlderOrEqualVersionIsAReplay() {
        assertThat(reason(verify(signed(7), 7))).isEqualTo(Refusal.Reason.REPLAYED);
        assertThat(reason(verify(signed(6), 7))).isEqualTo(Refusal.Reason.REPLAYED);
        assertThat(verify(signed(8), 7)).isInstanceOf(ConfigVerifier.Accepted.class);
    }

    @Test
    void aSignedButBrokenSchoolIsInvalid() {
        SchoolModel flu = KioskAssignments.siteProfile(school, SITE, Profiles.INFEKTIONSSCHUTZ);
        ConfigMessage ok = ConfigMessage.of(flu, SITE, 9, CLOCK.instant());
        ConfigMessage broken = new ConfigMessage(SITE, 9, CLOCK.instant(), ok.school().replace("\"infektionsschutz\"", "\"no-such-profile\""));
        assertThat(reason(verify(broken.sign(keys.getPrivate(), null), 0))).isEqualTo(Refusal.Reason.INVALID);
        assertThat(verify(ok.sign(keys.getPrivate(), null), 0)).isInstanceOf(ConfigVerifier.Accepted.class);
    }
}
