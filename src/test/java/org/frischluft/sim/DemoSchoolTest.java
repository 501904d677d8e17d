package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.file.SchoolFile;
import org.junit.jupiter.api.Test;

class DemoSchoolTest {

    @Test
    void demoSchoolHasAtLeastTwentyFourRoomsOnThreeFloorsInOrder() {
        SchoolModel school = DemoSchool.model();
        assertThat(school.rooms()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(school.sites()).hasSize(1);
        Site site = school.sites().get(0);
        assertThat(site.buildings()).hasSize(1);
        List<Floor> floors = site.buildings().get(0).floors();
        assertThat(floors).extracting(Floor::name).containsExactly("EG", "1. OG", "2. OG");
        assertThat(floors).extracting(Floor::order).containsExactly(0, 1, 2);
        floors.forEach(f -> assertThat(f.rooms()).hasSizeGreaterThanOrEqualTo(8));
    }

    @Test
    void classroomsHaveRealisticVolumesAndSeats() {
        for (Room room : DemoSchool.model().rooms()) {
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
        SchoolModel school = DemoSchool.model();
        List<Placement> sensors = school.placements();
        assertThat(sensors).hasSameSizeAs(school.rooms());
        Set<String> rooms = sensors.stream().map(s -> s.room().value()).collect(Collectors.toSet());
        assertThat(rooms).hasSameSizeAs(school.rooms());
        for (Placement s : sensors) {
            assertThat(s.since()).isNull();
            assertThat(s.device().isEui()).isTrue();
            if (s.sensor().model() == SensorModel.ELSYS_ERS_CO2) {
                assertThat(s.device().value()).startsWith("a81758fffe");
            } else {
                assertThat(s.sensor().model()).isEqualTo(SensorModel.MILESIGHT_AM319);
                assertThat(s.device().value()).startsWith("24e124");
            }
        }
        assertThat(sensors).filteredOn(s -> s.sensor().model() == SensorModel.MILESIGHT_AM319).hasSizeBetween(2, 4);
        assertThat(sensors.stream().map(Placement::device).distinct()).hasSameSizeAs(sensors);
    }

    @Test
    void demoCalendarKnowsSchleswigHolsteinsHolidaysAndTheChristmasBreak() {
        var calendar = DemoSchool.model().sites().get(0).calendar();
        assertThat(calendar.state()).isEqualTo("SH");
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 23))).contains("Weihnachtsferien");
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 3))).contains("Tag der Deutschen Einheit");
        assertThat(calendar.lessons()).hasSize(8);
    }

    @Test
    void committedDemoSchoolFileEqualsTheGeneratedModel() throws Exception {
        if (Boolean.getBoolean("frischluft.regenerate")) {
            WriteDemoSchool.main(new String[0]);
        }
        SchoolFile.Result r = SchoolFile.check(WriteDemoSchool.FILE);
        assertThat(r.problems()).as("the committed demo school file has no problem").isEmpty();
        assertThat(r.model())
                .as("kiosk-config/demo-school.json is stale: run WriteDemoSchool")
                .isEqualTo(DemoSchool.model());
    }
}
