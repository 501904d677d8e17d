package org.frischluft.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.SensorModel;
import org.frischluft.model.UnplacedDevices;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.junit.jupiter.api.Test;

class UnplacedTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private final SchoolModel school = TestSchool.site("s", "Schule").room("r-101", "R 101", "1. OG", 1)
            .sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null).model();
    private final List<UnplacedDevices> published = new ArrayList<>();

    @Test
    void aDeviceInNoRoomIsListedWithItsLatestReadingAndModel() {
        Unplaced u = new Unplaced(school, List.of(), published::add);
        u.onReadings(List.of(
                Reading.of(DeviceId.of("a81758fffe05a3c1"), T0, 700.0, 21.0, 40.0),
                Reading.of(DeviceId.of("24e124707c481005"), T0, 910.0, null, null).withModel("milesight-am319", "frame"),
                Reading.of(DeviceId.of("24e124707c481005"), T0.plusSeconds(60), null, 22.0, null)));
        u.tick(T0.plusSeconds(61));

        assertThat(published).hasSize(1);
        UnplacedDevices list = published.get(0);
        assertThat(list.total()).isEqualTo(1);
        UnplacedDevices.Device d = list.devices().get(0);
        assertThat(d.device().value()).isEqualTo("24e124707c481005");
        assertThat(d.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(d.lastCo2()).as("a reading without CO2 keeps the last CO2 shown").isEqualTo(910.0);
        assertThat(d.model()).isEqualTo("milesight-am319");
        assertThat(d.modelSource()).isEqualTo("frame");
    }

    @Test
    void publishesOnlyWhenSomethingChanged() {
        Unplaced u = new Unplaced(school, List.of(), published::add);
        u.tick(T0);
        u.tick(T0.plusSeconds(1));
        u.onReadings(List.of(Reading.of(DeviceId.of("0004a30b001c2b3d"), T0, 800.0, null, null)));
        u.tick(T0.plusSeconds(2));
        u.tick(T0.plusSeconds(3));
        assertThat(published).extracting(UnplacedDevices::total).containsExactly(0, 1);
    }

    @Test
    void startsFromTheStoreAndForgetsADeviceOnceTheSchoolFilePlacesIt() {
        UnplacedDevices.Device fromStore = new UnplacedDevices.Device(DeviceId.of("0004a30b001c2b3d"), T0, 1200.0, null, null);
        UnplacedDevices.Device placedAlready = new UnplacedDevices.Device(DeviceId.of("a81758fffe05a3c1"), T0, 600.0, null, null);
        Unplaced u = new Unplaced(school, List.of(fromStore, placedAlready), published::add);
        u.tick(T0);
        assertThat(published.get(0).devices()).extracting(d -> d.device().value()).containsExactly("0004a30b001c2b3d");

        SchoolModel placed = TestSchool.site("s", "Schule").room("r-101", "R 101", "1. OG", 1)
                .sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null)
                .room("r-102", "R 102", "1. OG", 1).sensor("0004a30b001c2b3d", null, null).model();
        u.onSchool(placed);
        u.tick(T0.plusSeconds(1));
        assertThat(published.get(1).isEmpty()).isTrue();

        u.onReadings(List.of(Reading.of(DeviceId.of("0004a30b001c2b3d"), T0.plusSeconds(2), 1300.0, null, null)));
        u.tick(T0.plusSeconds(3));
        assertThat(published).as("a placed device's readings go to its room, not to this list").hasSize(2);
    }

    @Test
    void anOlderReadingDoesNotReplaceANewerOne() {
        Unplaced u = new Unplaced(school, List.of(), published::add);
        DeviceId id = DeviceId.of("0004a30b001c2b3d");
        u.onReadings(List.of(Reading.of(id, T0.plusSeconds(60), 900.0, null, null), Reading.of(id, T0, 500.0, null, null)));
        u.tick(T0.plusSeconds(61));
        assertThat(published.get(0).devices().get(0).lastCo2()).isEqualTo(900.0);
    }

    @Test
    void listsAtMostAScreensWorthNewestFirstButCountsThemAll() {
        Unplaced u = new Unplaced(school, List.of(), published::add);
        List<Reading> many = new ArrayList<>();
        for (int i = 0; i < Unplaced.SHOWN + 50; i++) {
            many.add(Reading.of(DeviceId.of(String.format("%016x", 0x1000L + i)), T0.plusSeconds(i), 700.0, null, null));
        }
        u.onReadings(many);
        u.tick(T0.plusSeconds(1000));
        UnplacedDevices list = published.get(0);
        assertThat(list.total()).isEqualTo(Unplaced.SHOWN + 50);
        assertThat(list.devices()).hasSize(Unplaced.SHOWN);
        assertThat(list.devices().get(0).lastSeen()).isEqualTo(T0.plusSeconds(Unplaced.SHOWN + 49));
    }
}
