package org.frischluft.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * The aggregated open-data export: per site and school day only, never per room, teacher or class. A site with
 * fewer than {@value #MIN_SENSORS} sensors in the school file is left out altogether (Lübeck's data-protection
 * rule), and so is a day on which fewer than {@value #MIN_SENSORS} of a site's rooms had a lesson with enough data
 * (a site mean of one or two rooms would be those rooms' values). As CSV ({@value #HEADER}) or as OGC
 * SensorThings-style JSON: one Thing per site with two Datastreams and their Observations, in the nested form a
 * SensorThings server (FROST) accepts in one {@code POST /Things}.
 */
public final class OpenData {
    public static final int MIN_SENSORS = 5;
    public static final String HEADER = "site,date,sensors,rooms,lessons,mean_co2_ppm,lessons_above_1000_pct,max_co2_ppm";

    /** One site on one school day. */
    public record SiteDay(String site, String siteName, LocalDate date, int sensors, int rooms, int lessons,
                          double meanPpm, double pctAbove1000, double maxPpm, Instant start, Instant end) {
    }

    /** What was published and what was left out (sites and why), for the operator's log. */
    public record Result(List<SiteDay> days, List<String> leftOut) {
        public Result {
            days = List.copyOf(days);
            leftOut = List.copyOf(leftOut);
        }
    }

    private OpenData() {
    }

    public static Result of(SchoolModel school, Co2Source source, LocalDate from, LocalDate to) {
        List<SiteDay> days = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Site site : school.sites()) {
            int sensors = site.rooms().stream().mapToInt(r -> r.sensors().size()).sum();
            if (sensors < MIN_SENSORS) {
                leftOut.add(site.id().value() + ": " + sensors + " sensors, fewer than " + MIN_SENSORS);
                continue;
            }
            Map<LocalDate, double[]> byDay = new TreeMap<>(); // rooms, lessons, sum·min, min, above, max, start, end
            Map<LocalDate, java.util.Set<String>> roomsByDay = new TreeMap<>();
            java.time.Instant[] range = LessonReport.range(site.calendar(), from, to);
            for (Room room : site.rooms()) {
                var lessons = LessonReport.lessons(site.calendar(), room.id(), source.co2(room.id(), range[0], range[1]), from, to);
                for (LessonStats l : lessons) {
                    double[] a = byDay.computeIfAbsent(l.lesson().date(),
                            d -> new double[] {0, 0, 0, 0, 0, Double.NaN, Double.MAX_VALUE, 0});
                    a[6] = Math.min(a[6], l.lesson().start().toEpochMilli());
                    a[7] = Math.max(a[7], l.lesson().end().toEpochMilli());
                    if (!l.complete()) continue;
                    roomsByDay.computeIfAbsent(l.lesson().date(), d -> new java.util.HashSet<>()).add(room.id().value());
                    a[1]++;
                    a[2] += l.meanPpm() * l.minutesWithData();
                    a[3] += l.minutesWithData();
                    if (l.meanPpm() > Thresholds.CONSPICUOUS) a[4]++;
                    a[5] = Double.isNaN(a[5]) ? l.peakPpm() : Math.max(a[5], l.peakPpm());
                }
            }
            int skipped = 0;
            for (var e : byDay.entrySet()) {
                double[] a = e.getValue();
                int rooms = roomsByDay.getOrDefault(e.getKey(), java.util.Set.of()).size();
                if (rooms < MIN_SENSORS) {
                    skipped++;
                    continue;
                }
                days.add(new SiteDay(site.id().value(), site.name(), e.getKey(), sensors, rooms, (int) a[1], a[2] / a[3],
                        100 * a[4] / a[1], a[5], Instant.ofEpochMilli((long) a[6]), Instant.ofEpochMilli((long) a[7])));
            }
            if (skipped > 0) {
                leftOut.add(site.id().value() + ": " + skipped + " school days with fewer than " + MIN_SENSORS + " rooms with data");
            }
        }
        return new Result(days, leftOut);
    }

    public static void csv(List<SiteDay> days, Writer out) throws IOException {
        out.append(HEADER).append('\n');
        for (SiteDay d : days) {
            out.append(LessonCsv.Csv.cell(d.site())).append(',').append(d.date().toString()).append(',')
                    .append(Integer.toString(d.sensors())).append(',').append(Integer.toString(d.rooms())).append(',')
                    .append(Integer.toString(d.lessons())).append(',').append(LessonCsv.Csv.ppm(d.meanPpm())).append(',')
                    .append(LessonCsv.Csv.one(d.pctAbove1000())).append(',').append(LessonCsv.Csv.ppm(d.maxPpm())).append('\n');
        }
    }

    /** SensorThings-style JSON (deep-insert form): {@code {"Things": [...]}}. */
    public static void sensorThings(List<SiteDay> days, Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode things = root.putArray("Things");
        Map<String, List<SiteDay>> bySite = new TreeMap<>();
        for (SiteDay d : days) bySite.computeIfAbsent(d.site(), s -> new ArrayList<>()).add(d);
        for (var e : bySite.entrySet()) {
            SiteDay first = e.getValue().get(0);
            ObjectNode thing = things.addObject();
            thing.put("name", first.siteName());
            thing.put("description", "Classroom air of a school site, aggregated per school day over its rooms (Frischluft)");
            ObjectNode props = thing.putObject("properties");
            props.put("siteId", e.getKey());
            props.put("sensors", first.sensors());
            props.put("aggregation", "per site and school day; only sites with at least " + MIN_SENSORS
                    + " sensors and days with at least " + MIN_SENSORS + " rooms with data");
            ArrayNode streams = thing.putArray("Datastreams");
            ObjectNode mean = stream(streams, first.siteName() + ": CO2, lesson mean per school day",
                    "Time-weighted mean CO2 over the site's lessons with enough data on one school day",
                    "parts per million", "ppm", "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#PartsPerMillion",
                    "CO2 concentration", "https://www.wikidata.org/wiki/Q1997");
            ObjectNode share = stream(streams, first.siteName() + ": share of lessons with a mean above 1000 ppm",
                    "Share of the site's lessons with enough data whose CO2 mean is above 1000 ppm (UBA guide value)",
                    "percent", "%", "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Percent",
                    "Share of lessons above 1000 ppm CO2", "urn:frischluft:share-of-lessons-above-1000ppm");
            ArrayNode mo = mean.putArray("Observations");
            ArrayNode so = share.putArray("Observations");
            for (SiteDay d : e.getValue()) {
                observation(mo, d, Math.round(d.meanPpm()));
                observation(so, d, Math.round(d.pctAbove1000() * 10) / 10.0);
            }
        }
        json.writeValue(new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller closes its writer
            }
        }, root);
    }

    private static ObjectNode stream(ArrayNode streams, String name, String description, String unit, String symbol,
                                     String unitDef, String property, String propertyDef) {
        ObjectNode s = streams.addObject();
        s.put("name", name);
        s.put("description", description);
        s.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement");
        ObjectNode u = s.putObject("unitOfMeasurement");
        u.put("name", unit);
        u.put("symbol", symbol);
        u.put("definition", unitDef);
        ObjectNode p = s.putObject("ObservedProperty");
        p.put("name", property);
        p.put("definition", propertyDef);
        p.put("description", property);
        ObjectNode sensor = s.putObject("Sensor");
        sensor.put("name", "Frischluft lesson report");
        sensor.put("description", "Aggregate of NDIR CO2 sensors in the site's classrooms");
        sensor.put("encodingType", "text/plain");
        sensor.put("metadata", "Frischluft docs/reports.md, section Open data: lesson means from the site's bell schedule");
        return s;
    }

    private static void observation(ArrayNode obs, SiteDay d, double result) {
        ObjectNode o = obs.addObject();
        o.put("phenomenonTime", d.start() + "/" + d.end());
        o.put("resultTime", d.end().toString());
        o.put("result", result);
        ObjectNode p = o.putObject("parameters");
        p.put("date", d.date().toString());
        p.put("rooms", d.rooms());
        p.put("lessons", d.lessons());
    }
}
