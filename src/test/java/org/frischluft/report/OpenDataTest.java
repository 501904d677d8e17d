package org.frischluft.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Co2Series;
import org.junit.jupiter.api.Test;

/**
 * The open-data export on two sites: "big" with five rooms of one sensor each, "small" with three. Monday all five
 * rooms of "big" hold a constant 800, 900, 1000, 1100 and 1200 ppm through both lessons; on Tuesday only four do.
 */
class OpenDataTest {
    static final LocalDate MON = LessonReportTest.MON;

    static SchoolModel school() {
        TestSchool big = TestSchool.site("big", "Große Schule").calendar(LessonReportTest.CAL);
        for (int i = 1; i <= 5; i++) big.room("r-" + i, "R " + i, "EG", 0).sensor("a81758fffe0000" + i + "0", SensorModel.ELSYS_ERS_CO2, null);
        TestSchool small = TestSchool.site("small", "Kleine Schule").calendar(LessonReportTest.CAL);
        for (int i = 1; i <= 3; i++) small.room("k-" + i, "K " + i, "EG", 0).sensor("a81758fffe0001" + i + "0", SensorModel.ELSYS_ERS_CO2, null);
        return new SchoolModel(Operator.NONE, Profiles.UBA, List.of(), List.of(), List.of(big.siteOnly(), small.siteOnly()));
    }

    static Co2Source source() {
        Map<RoomId, Co2Series> data = new HashMap<>();
        for (int i = 1; i <= 5; i++) {
            double v = 700 + 100 * i;
            Series s = Series.raw().at("2026-11-02T07:00:00Z", v);
            for (int k = 0; k < 19; k++) s.every(5, v);
            if (i <= 4) { // Tuesday: four rooms only
                s.at("2026-11-03T07:00:00Z", v);
                for (int k = 0; k < 19; k++) s.every(5, v);
            }
            data.put(RoomId.of("r-" + i), s.build());
        }
        for (int i = 1; i <= 3; i++) {
            Series s = Series.raw().at("2026-11-02T07:00:00Z", 2000);
            for (int k = 0; k < 19; k++) s.every(5, 2000);
            data.put(RoomId.of("k-" + i), s.build());
        }
        return (room, a, b) -> data.getOrDefault(room, Co2Series.EMPTY);
    }

    @Test
    void publishesPerSiteAndDayOnlyAndLeavesOutSmallSitesAndThinDays() throws Exception {
        OpenData.Result r = OpenData.of(school(), source(), MON, MON.plusDays(1));
        StringWriter out = new StringWriter();
        OpenData.csv(r.days(), out);
        // Monday: 10 lessons, mean (800 + 900 + 1000 + 1100 + 1200) / 5 = 1000, 4 of 10 lessons above 1000
        assertThat(out.toString()).isEqualTo("""
                site,date,sensors,rooms,lessons,mean_co2_ppm,lessons_above_1000_pct,max_co2_ppm
                big,2026-11-02,5,5,10,1000,40,1200
                """);
        assertThat(r.leftOut()).containsExactly("big: 1 school days with fewer than 5 rooms with data",
                "small: 3 sensors, fewer than 5");
        assertThat(out.toString()).doesNotContain("r-1").doesNotContain("small");
    }

    @Test
    void sensorThingsJsonHasOneThingPerSiteWithTwoDatastreamsAndTheirObservations() throws Exception {
        OpenData.Result r = OpenData.of(school(), source(), MON, MON.plusDays(1));
        StringWriter out = new StringWriter();
        OpenData.sensorThings(r.days(), out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("Things")).hasSize(1);
        JsonNode thing = root.get("Things").get(0);
        assertThat(thing.get("name").asText()).isEqualTo("Große Schule");
        assertThat(thing.get("properties").get("sensors").asInt()).isEqualTo(5);
        JsonNode streams = thing.get("Datastreams");
        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).get("unitOfMeasurement").get("symbol").asText()).isEqualTo("ppm");
        assertThat(streams.get(0).get("observationType").asText()).endsWith("OM_Measurement");
        JsonNode obs = streams.get(0).get("Observations").get(0);
        assertThat(obs.get("result").asDouble()).isEqualTo(1000);
        assertThat(obs.get("phenomenonTime").asText()).isEqualTo("2026-11-02T07:00:00Z/2026-11-02T08:35:00Z");
        assertThat(streams.get(1).get("Observations").get(0).get("result").asDouble()).isEqualTo(40);
    }
}
