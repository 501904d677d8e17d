package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.frischluft.rooms.RoomConfig;
import org.frischluft.rooms.SchoolConfig;
import org.frischluft.rooms.SchoolConfigFile;
import org.frischluft.rooms.SensorConfig;
import org.junit.jupiter.api.Test;

class DemoSchoolTest {

    @Test
    void demoSchoolHasAtLeastTwentyFourRoomsOnThreeFloorsInOrder() {
        SchoolConfig school = DemoSchool.config();
        assertThat(school.rooms()).hasSizeGreaterThanOrEqualTo(24);
        Map<String, java.util.List<RoomConfig>> floors = school.roomsByFloor();
        assertThat(floors.keySet()).containsExactly("EG", "1. OG", "2. OG");
        floors.values().forEach(rooms -> assertThat(rooms).hasSizeGreaterThanOrEqualTo(8));
        assertThat(school.rooms()).extracting(RoomConfig::floorOrder).containsOnly(0, 1, 2);
    }

    @Test
    void classroomsHaveRealisticVolumesAndSeats() {
        for (RoomConfig room : DemoSchool.config().rooms()) {
            if (room.name().startsWith("R ")) {
                assertThat(room.volumeM3()).as(room.name()).isBetween(150.0, 280.0);
                assertThat(room.seats()).as(room.name()).isBetween(20, 30);
                assertThat(room.id().value()).matches("r-\\d{3}");
            } else {
                assertThat(room.volumeM3()).as(room.name()).isGreaterThan(500.0);
            }
        }
    }

    @Test
    void everyRoomHasExactlyOneSensorWithAKnownModelAndVendorEui() {
        SchoolConfig school = DemoSchool.config();
        assertThat(school.sensors()).hasSameSizeAs(school.rooms());
        Set<String> rooms = school.sensors().stream().map(s -> s.room().value()).collect(Collectors.toSet());
        assertThat(rooms).hasSameSizeAs(school.rooms());
        for (SensorConfig s : school.sensors()) {
            assertThat(s.since()).isNull();
            assertThat(s.device().isEui()).isTrue();
            if (s.model().equals(DemoSchool.ELSYS_ERS_CO2)) {
                assertThat(s.device().value()).startsWith("a81758fffe");
            } else {
                assertThat(s.model()).isEqualTo(DemoSchool.MILESIGHT_AM319);
                assertThat(s.device().value()).startsWith("24e124");
            }
        }
        assertThat(school.sensors()).filteredOn(s -> s.model().equals(DemoSchool.MILESIGHT_AM319)).hasSizeBetween(2, 4);
        assertThat(school.sensors().stream().map(SensorConfig::device).distinct()).hasSameSizeAs(school.sensors());
    }

    @Test
    void committedDemoSchoolFileEqualsTheGeneratedConfiguration() throws Exception {
        if (Boolean.getBoolean("frischluft.regenerate")) {
            WriteDemoSchool.main(new String[0]);
        }
        assertThat(SchoolConfigFile.read(WriteDemoSchool.FILE))
                .as("kiosk-config/demo-school.json is stale: run WriteDemoSchool")
                .isEqualTo(DemoSchool.config());
    }
}
