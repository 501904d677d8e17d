package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.junit.jupiter.api.Test;

class PlacementChangeTest {
    private static final String A = "a81758fffe0312ab";
    private static final String B = "a81758fffe0312ac";
    private static final Instant MOVED = Instant.parse("2026-11-02T06:00:00Z");

    @Test
    void firstVersionPlacesEverySensorWithItsDateOrWithout() {
        SchoolModel m = TestSchool.site("s", "S").room("r-1", "R 1", "EG", 0).sensor(A, null, null)
                .room("r-2", "R 2", "EG", 0).sensor(B, null, MOVED).model();
        assertThat(PlacementChange.between(null, m)).containsExactly(
                new PlacementChange(PlacementChange.Kind.PLACE, DeviceId.of(A), RoomId.of("r-1"), null),
                new PlacementChange(PlacementChange.Kind.ASSIGN, DeviceId.of(B), RoomId.of("r-2"), MOVED));
    }

    @Test
    void anUnchangedFileChangesNothingAModelChangeIsNoMoveAndARemovedSensorIsTakenDown() {
        SchoolModel before = TestSchool.site("s", "S").room("r-1", "R 1", "EG", 0).sensor(A, null, null)
                .room("r-2", "R 2", "EG", 0).sensor(B, null, null).model();
        SchoolModel sameButModel = TestSchool.site("s", "S").room("r-1", "Raum eins", "EG", 0)
                .sensor(A, SensorModel.ELSYS_ERS_CO2, null).room("r-2", "R 2", "EG", 0).sensor(B, null, null).model();
        assertThat(PlacementChange.between(before, sameButModel)).isEmpty();
        SchoolModel movedAndGone = TestSchool.site("s", "S").room("r-1", "R 1", "EG", 0).sensor(A, null, null)
                .room("r-2", "R 2", "EG", 0).sensor(A, null, MOVED).model();
        assertThat(PlacementChange.between(before, movedAndGone)).containsExactly(
                new PlacementChange(PlacementChange.Kind.ASSIGN, DeviceId.of(A), RoomId.of("r-2"), MOVED),
                new PlacementChange(PlacementChange.Kind.UNASSIGN, DeviceId.of(B), null, null));
    }
}
