package org.frischluft.rooms.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.Map;
import org.frischluft.model.Metric;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.SourceMapping;

/** Writes a {@link SchoolModel} as a school file of the current shape, which {@link SchoolReader} reads back equal. */
final class SchoolWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchoolWriter() {
    }

    static String write(SchoolModel m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SchoolReader.FORMAT);
        if (m.operator().isNamed()) root.putObject("operator").put("id", m.operator().id()).put("name", m.operator().name());
        root.put("profile", m.defaultProfile().id());
        if (!m.profiles().isEmpty()) {
            ArrayNode ps = root.putArray("profiles");
            for (Profile p : m.profiles()) profile(ps.addObject(), p);
        }
        if (!m.mappings().isEmpty()) {
            ArrayNode ms = root.putArray("mappings");
            for (SourceMapping sm : m.mappings()) mapping(ms.addObject(), sm);
        }
        if (!m.defaultModels().isEmpty()) {
            ArrayNode ds = root.putArray("defaultModels");
            for (org.frischluft.rooms.DefaultModel d : m.defaultModels()) {
                ds.addObject().put(d.kind().key(), d.value()).put("model", d.model().id());
            }
        }
        ArrayNode sites = root.putArray("sites");
        for (Site s : m.sites()) site(sites.addObject(), s);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void site(ObjectNode o, Site s) {
        o.put("id", s.id().value()).put("name", s.name());
        if (s.profile() != null) o.put("profile", s.profile().id());
        if (s.display() != null) o.put("display", s.display().setting());
        if (!s.comfort().equals(ComfortLimits.DEFAULT)) comfort(o.putObject("comfort"), s.comfort());
        calendar(o.putObject("calendar"), s.calendar());
        ArrayNode buildings = o.putArray("buildings");
        for (Building b : s.buildings()) {
            ObjectNode bo = buildings.addObject().put("id", b.id()).put("name", b.name());
            ArrayNode floors = bo.putArray("floors");
            for (Floor f : b.floors()) {
                ObjectNode fo = floors.addObject().put("name", f.name()).put("order", f.order());
                ArrayNode rooms = fo.putArray("rooms");
                for (Room r : f.rooms()) room(rooms.addObject(), r);
            }
        }
        if (!s.kiosks().isEmpty()) {
            ArrayNode kiosks = o.putArray("kiosks");
            for (Kiosk k : s.kiosks()) {
                ObjectNode ko = kiosks.addObject().put("id", k.id());
                if (k.room() != null) ko.put("room", k.room().value());
                if (k.display() != null) ko.put("display", k.display().setting());
                if (k.language() != null) ko.put("language", k.language().getLanguage());
            }
        }
    }

    private static void room(ObjectNode o, Room r) {
        o.put("id", r.id().value()).put("name", r.name());
        if (r.volumeM3() > 0) o.put("volumeM3", r.volumeM3());
        if (r.seats() > 0) o.put("seats", r.seats());
        if (r.profile() != null) o.put("profile", r.profile().id());
        if (r.display() != null) o.put("display", r.display().setting());
        ArrayNode sensors = o.putArray("sensors");
        for (Sensor s : r.sensors()) {
            ObjectNode so = sensors.addObject().put("device", s.device().value());
            if (s.model() != null) so.put("model", s.model().id());
            if (s.since() != null) so.put("since", s.since().toString());
            if (s.broker() != null) so.put("broker", s.broker());
        }
    }

    private static void calendar(ObjectNode o, SchoolCalendar c) {
        o.put("zone", c.zone().getId());
        if (c.state() != null) o.put("state", c.state());
        ArrayNode days = o.putArray("schoolDays");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (c.schoolDays().contains(d)) days.add(d.name().substring(0, 3));
        }
        ArrayNode lessons = o.putArray("lessons");
        for (Lesson l : c.lessons()) lessons.addObject().put("name", l.name()).put("start", l.start().toString()).put("end", l.end().toString());
        o.putObject("schoolHours").put("from", c.hoursFrom().toString()).put("to", c.hoursTo().toString());
        ArrayNode holidays = o.putArray("holidays");
        for (Holiday h : c.holidays()) holidays.addObject().put("name", h.name()).put("from", h.from().toString()).put("to", h.to().toString());
        if (c.holidaysIcs() != null) o.put("holidaysIcs", c.holidaysIcs());
    }

    private static void profile(ObjectNode o, Profile p) {
        o.put("id", p.id());
        String name = ProfileFields.name(p);
        if (name != null) o.put("name", name);
        o.put("yellowFrom", p.yellowFrom()).put("redFrom", p.redFrom());
        if (p.blueBelow() != null) o.put("blueBelow", p.blueBelow());
        o.put("hysteresis", p.hysteresis()).put("holdUpMinutes", ProfileFields.holdUpMinutes(p))
                .put("holdDownMinutes", ProfileFields.holdDownMinutes(p)).put("jump", p.jump());
    }

    private static void comfort(ObjectNode o, ComfortLimits c) {
        o.put("tooColdBelow", c.tooColdBelow()).put("tooWarmAbove", c.tooWarmAbove()).put("tooDryBelow", c.tooDryBelow())
                .put("tooHumidAbove", c.tooHumidAbove()).put("lowBatteryPct", c.lowBatteryPct());
    }

    private static void mapping(ObjectNode o, SourceMapping m) {
        o.put("name", m.name()).put("topicFilter", m.topicFilter()).put("devicePointer", m.devicePointer());
        if (m.timePointer() != null) o.put("timePointer", m.timePointer());
        ObjectNode metrics = o.putObject("metrics");
        for (Map.Entry<Metric, SourceMapping.Field> e : m.metrics().entrySet()) {
            metrics.putObject(e.getKey().key()).put("pointer", e.getValue().pointer()).put("scale", e.getValue().scale())
                    .put("offset", e.getValue().offset());
        }
    }
}
