package org.frischluft.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet view's data: every kiosk from its retained status, offline from its last will, what it refused. */
class FleetRegistryTest {
    private static final Instant NOW = Instant.parse("2025-11-25T08:00:00Z");
    private final FleetRegistry registry = new FleetRegistry(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStatusRoundTripsAndTheLastWillMarksItOfflineKeepingTheRest() {
        KioskStatus s = new KioskStatus("k-r204", "gs-a", true, null, "r-204", 42, "RED", NOW.minusSeconds(90), "0.1.0",
                NOW.minusSeconds(3600), Map.of(Refusal.Reason.TAMPERED, 2),
                new Refusal(Refusal.Reason.TAMPERED, "signature does not match", NOW.minusSeconds(60)), NOW);
        assertThat(registry.accept("frischluft/gs-a/kiosk/k-r204/status", s.toJson())).isTrue();
        KioskStatus back = registry.kiosks().get(0);
        assertThat(back).isEqualTo(s);
        assertThat(back.refusalCount()).isEqualTo(2);

        registry.accept("frischluft/gs-a/kiosk/k-r204/status", "offline".getBytes(StandardCharsets.UTF_8));
        KioskStatus off = registry.kiosks().get(0);
        assertThat(off.online()).isFalse();
        assertThat(off.room()).isEqualTo("r-204");
        assertThat(off.configVersion()).isEqualTo(42);
    }

    @Test
    void garbageAndOtherTopicsChangeNothing() {
        assertThat(registry.accept("frischluft/gs-a/kiosk/k-1/status", "{not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(registry.accept("frischluft/gs-a/config", "x".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(registry.kiosks()).isEmpty();
    }

    @Test
    void anUnknownKioskWhoseWillArrivesFirstIsListedOffline() {
        registry.accept("frischluft/gs-a/kiosk/k-9/status", "offline".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.kiosks()).singleElement().satisfies(k -> {
            assertThat(k.kiosk()).isEqualTo("k-9");
            assertThat(k.online()).isFalse();
        });
    }
}
