package org.frischluft.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.model.Trend;
import org.junit.jupiter.api.Test;

class LiveRoomsTest {
    private static final RoomId R101 = RoomId.of("r-101");
    private static final RoomId R102 = RoomId.of("r-102");
    private static final DeviceId D1 = DeviceId.of("A81758FFFE0312AB");
    private static final DeviceId D2 = DeviceId.of("a81758fffe0312ac");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final LiveState live = new LiveState();
    private final LiveState.Feed feed = live.subscribe();
    private final SchoolModel school = TestSchool.site("s", "Schule")
            .room("r-101", "R 101", "1. OG", 1).sensor(D1.value(), null, null)
            .room("r-102", "R 102", "1. OG", 1).sensor(D2.value(), null, null).model();
    private final LiveRooms rooms = new LiveRooms(live, school, T0);

    @Test
    void everyConfiguredRoomStartsGreyBeforeAnyReading() {
        assertThat(feed.drain().rooms()).extracting(RoomSnapshot::light).containsOnly(Light.GREY).hasSize(2);
    }

    @Test
    void aReadingReachesItsRoomThroughThePlacementAndOnlyThatRoomIsDirty() {
        feed.drain();
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60), 2100.0, 22.0, 45.0)), T0.plusSeconds(61));
        List<RoomSnapshot> changed = feed.drain().rooms();
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
        feed.drain();
        rooms.onReadings(List.of(Reading.of(DeviceId.of("unknown-sensor"), T0, 900.0, null, null)), T0);
        assertThat(feed.drain().rooms()).isEmpty();
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
        feed.drain();
        rooms.tick(T0.plusSeconds(1));
        assertThat(feed.drain().rooms()).isEmpty();
    }

    @Test
    void batteryPercentIsCarried() {
        rooms.onReadings(List.of(new Reading(D1, T0, Map.of(Metric.CO2, 600.0, Metric.BATTERY_PCT, 12.0))), T0);
        assertThat(live.room(R101).orElseThrow().batteryPct()).isEqualTo(12.0);
    }

    @Test
    void aRoomAddedToTheSchoolModelAppearsAndARemovedOneDisappears() {
        feed.drain();
        DeviceId d3 = DeviceId.of("a81758fffe0312ad");
        SchoolModel next = TestSchool.site("s", "Schule")
                .room("r-101", "R 101", "1. OG", 1).sensor(D1.value(), null, null)
                .room("r-103", "R 103", "1. OG", 1).sensor(d3.value(), null, null).model();
        rooms.onSchool(next, T0.plusSeconds(10));
        assertThat(live.room(R102)).as("r-102 left the school").isEmpty();
        assertThat(feed.drain().rooms()).extracting(RoomSnapshot::room).containsExactly(RoomId.of("r-103"));
        rooms.onReadings(List.of(Reading.of(d3, T0.plusSeconds(20), 1500.0, null, null)), T0.plusSeconds(20));
        assertThat(live.room(RoomId.of("r-103")).orElseThrow().co2()).isEqualTo(1500.0);
        rooms.onReadings(List.of(Reading.of(D2, T0.plusSeconds(30), 1500.0, null, null)), T0.plusSeconds(30));
        assertThat(live.room(R102)).as("readings of a sensor no longer placed go to no room").isEmpty();
    }

    @Test
    void aChangedProfileReassessesTheRoomFromItsRecentReadingsAtOnce() {
        for (int m = 0; m <= 10; m++) {
            rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60L * m), 900.0, null, null)), T0.plusSeconds(60L * m));
        }
        assertThat(live.room(R101).orElseThrow().light()).as("900 ppm under UBA").isEqualTo(Light.GREEN);
        SchoolModel infection = TestSchool.site("s", "Schule").profile(Profiles.INFEKTIONSSCHUTZ)
                .room("r-101", "R 101", "1. OG", 1).sensor(D1.value(), null, null)
                .room("r-102", "R 102", "1. OG", 1).sensor(D2.value(), null, null).model();
        rooms.onSchool(infection, T0.plusSeconds(601));
        assertThat(live.room(R101).orElseThrow().light()).as("900 ppm under Infektionsschutz (800/1000)").isEqualTo(Light.YELLOW);
        assertThat(live.room(R101).orElseThrow().co2()).as("the values stay").isEqualTo(900.0);
        assertThat(rooms.profile(R101)).isEqualTo(Profiles.INFEKTIONSSCHUTZ);
    }

    @Test
    void everySubscriberGetsEveryChangeNoneTakesThemFromAnother() {
        LiveState.Feed alerts = live.subscribe();
        feed.drain();
        alerts.drain();
        rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60), 2100.0, null, null)), T0.plusSeconds(61));
        assertThat(feed.drain().rooms()).extracting(RoomSnapshot::room).containsExactly(R101);
        assertThat(alerts.drain().rooms()).extracting(RoomSnapshot::room).containsExactly(R101);
        LiveState.Feed late = live.subscribe();
        assertThat(late.drain().rooms()).as("a late subscriber starts with the whole picture").hasSize(2);
    }

    @Test
    void aValuePastAThresholdWhoseColourStillHoldsIsPublishedWithItsDirection() {
        for (int m = 0; m < 4; m++) {
            rooms.onReadings(List.of(Reading.of(D1, T0.plusSeconds(60L * m), 900.0, null, null)), T0.plusSeconds(60L * m));
        }
        feed.drain();
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
