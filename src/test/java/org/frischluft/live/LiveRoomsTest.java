package org.frischluft.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frischluft.rooms.Profile;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.model.Trend;
import org.junit.jupiter.api.Test;

class LiveRoomsTest {
    private static final RoomId R101 = RoomId.of("r-101");
    private static final RoomId R102 = RoomId.of("r-102");
    private static final DeviceId D1 = DeviceId.of("A81758FFFE0312AB");
    private static final DeviceId D2 = DeviceId.of("a81758fffe0312ac");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final LiveState live = new LiveState();
    private final Map<DeviceId, RoomId> placement = Map.of(D1, R101, D2, R102);
    private final LiveRooms rooms = new LiveRooms(live, List.of(R101, R102),
            d -> Optional.ofNullable(placement.get(d)), r -> Profile.UBA, T0);

    @Test
    void everyConfiguredRoomStartsGreyBeforeAnyReading() {
        assertThat(live.drain().rooms()).extracting(RoomSnapshot::light).containsOnly(Light.GREY).hasSize(2);
    }

    @Test
    void aReadingReachesItsRoomThroughThePlacementAndOnlyThatRoomIsDirty() {
        live.drain();
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60), 2100.0, 22.0, 45.0)), T0.plusSeconds(61));
        List<RoomSnapshot> changed = live.drain().rooms();
        assertThat(changed).singleElement().satisfies(s -> {
            assertThat(s.room()).isEqualTo(R101);
            assertThat(s.co2()).isEqualTo(2100.0);
            assertThat(s.light()).isEqualTo(Light.RED);
            assertThat(s.device()).isEqualTo(D1);
        });
    }

    @Test
    void aPartialFrameKeepsTheLastTemperatureAndHumidity() {
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60), 700.0, 21.5, 40.0)), T0.plusSeconds(60));
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(120), 750.0, null, null)), T0.plusSeconds(120));
        RoomSnapshot s = live.room(R101).orElseThrow();
        assertThat(s.co2()).isEqualTo(750.0);
        assertThat(s.temperature()).isEqualTo(21.5);
        assertThat(s.humidity()).isEqualTo(40.0);
    }

    @Test
    void anOlderReadingArrivingLateDoesNotOverwriteTheNewestValue() {
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(600), 800.0, null, null)), T0.plusSeconds(600));
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60), 1500.0, null, null)), T0.plusSeconds(601));
        assertThat(live.room(R101).orElseThrow().co2()).isEqualTo(800.0);
    }

    @Test
    void readingsOfUnplacedDevicesDoNotTouchAnyRoom() {
        live.drain();
        rooms.onReadings(List.of(Reading.of(DeviceId.of("unknown-sensor"), T0, 900.0, null, null)), T0);
        assertThat(live.drain().rooms()).isEmpty();
    }

    @Test
    void silenceTurnsTheRoomGreyOnATickWithoutAnyNewMessage() {
        rooms.onReadings(List.of(Reading.of(D1, T0, 600.0, null, null)), T0);
        assertThat(live.room(R101).orElseThrow().light()).isEqualTo(Light.GREEN);
        rooms.tick(T0.plus(Duration.ofHours(2)));
        assertThat(live.room(R101).orElseThrow().light()).isEqualTo(Light.GREY);
        assertThat(live.room(R101).orElseThrow().co2()).as("the last value stays visible, with its age").isEqualTo(600.0);
    }

    @Test
    void aTickThatChangesNothingPublishesNothing() {
        rooms.onReadings(List.of(Reading.of(D1, T0, 600.0, null, null)), T0);
        live.drain();
        rooms.tick(T0.plusSeconds(1));
        assertThat(live.drain().rooms()).isEmpty();
    }

    @Test
    void batteryPercentIsCarried() {
        rooms.onReadings(List.of(new Reading(D1, T0, Map.of(Metric.CO2, 600.0, Metric.BATTERY_PCT, 12.0))), T0);
        assertThat(live.room(R101).orElseThrow().batteryPct()).isEqualTo(12.0);
    }

    @Test
    void aValuePastAThresholdWhoseColourStillHoldsIsPublishedWithItsDirection() {
        for (int m = 0; m < 4; m++) {
            rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60L * m), 900.0, null, null)), T0.plusSeconds(60L * m));
        }
        live.drain();
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(240), 1046.0, null, null)), T0.plusSeconds(240));
        RoomSnapshot s = live.room(R101).orElseThrow();
        assertThat(s.light()).isEqualTo(Light.GREEN);
        assertThat(s.assessment().pending()).isEqualTo(Trend.RISING);
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(300), 1050.0, null, null)), T0.plusSeconds(300));
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(360), 1060.0, null, null)), T0.plusSeconds(360));
        assertThat(live.room(R101).orElseThrow().light()).isEqualTo(Light.YELLOW);
        assertThat(live.room(R101).orElseThrow().assessment().pending()).isNull();
    }
}
