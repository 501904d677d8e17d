package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.rooms.SourceMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a sender publishes, the decoder answers with a reading, an ignore or a rejection that names the
 * sender's mistake; {@code internal-error} is reserved for bugs of ours, so any of it here is a failure.
 */
class HostileInputTest {
    private static final Instant ARRIVAL = Instant.parse("2024-10-15T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceMapping ACME = new SourceMapping("acme", "acme/+/telemetry", "topic:1", "/ts",
            Map.of(Metric.CO2, SourceMapping.Field.of("/sensors/cdx"),
                    Metric.TEMPERATURE, new SourceMapping.Field("/sensors/t10", 0.1, 0)));
    private static final DecoderSettings SETTINGS = new DecoderSettings(
            Map.of(DeviceId.of("a81758fffe000099"), "elsys-ers-co2"), List.of(ACME), 65536, 32);
    private static final Clock CLOCK = Clock.fixed(ARRIVAL, ZoneOffset.UTC);
    private final PayloadDecoder fast = new PayloadDecoder(SETTINGS, CLOCK, true);
    private final PayloadDecoder tree = new PayloadDecoder(SETTINGS, CLOCK, false);

    static void assertNoInternalError(DecodeResult r, String what) {
        if (r instanceof DecodeResult.Rejected j) {
            assertThat(j.code()).as(what + " -> " + j.reason()).isNotEqualTo("internal-error");
        }
    }

    private static DecodeResult decode(PayloadDecoder d, String topic, String json) {
        return d.decode(topic, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), ARRIVAL);
    }

    /** An Elsys frame (776 ppm) and the TTN envelope around it, {@code %s} for the device_id. */
    private static final String ELSYS_UP = "{'end_device_ids':{'device_id':%s,'dev_eui':'A81758FFFE0312AB'},"
            + "'uplink_message':{'f_port':5,'frm_payload':'AQDiAikEACcFBgYDCA==','received_at':'2024-10-15T08:15:30Z'}}";

    static Stream<String> oddDeviceIds() {
        return Stream.of("''", "'   '", "null", "'" + "x".repeat(129) + "'", "' " + "x".repeat(200) + " '");
    }

    @ParameterizedTest(name = "device_id {0}")
    @MethodSource("oddDeviceIds")
    void rawBytesDecodeByTheDevEuiWhateverTheDeviceIdIs(String id) {
        for (PayloadDecoder d : new PayloadDecoder[] {fast, tree}) {
            DecodeResult r = decode(d, "v3/app@ttn/devices/x/up", String.format(ELSYS_UP, id));
            assertNoInternalError(r, id);
            assertThat(r).as(id).isInstanceOf(DecodeResult.Decoded.class);
            List<org.frischluft.model.Reading> rs = ((DecodeResult.Decoded) r).readings();
            assertThat(rs).as(id).singleElement().satisfies(rd -> {
                assertThat(rd.device().value()).isEqualTo("a81758fffe0312ab");
                assertThat(rd.co2()).isEqualTo(776.0);
            });
        }
    }

    @Test
    void aConfiguredModelIsStillFoundByTheDevEuiWhenTheDeviceIdIsEmpty() {
        // DevEUI of no vendor the decoder could infer from: only the configured model decodes the bytes
        DecoderSettings s = DecoderSettings.defaults().withModels(Map.of(DeviceId.of("0101010101010101"), "talkpool-oy1210"));
        String body = "{'end_device_ids':{'device_id':'','dev_eui':'0101010101010101'},"
                + "'uplink_message':{'f_port':2,'frm_payload':'PkQdAhs='}}";
        for (PayloadDecoder d : new PayloadDecoder[] {new PayloadDecoder(s, CLOCK, true), new PayloadDecoder(s, CLOCK, false)}) {
            DecodeResult r = decode(d, "v3/app@ttn/devices/x/up", body);
            assertThat(((DecodeResult.Decoded) r).readings()).singleElement()
                    .satisfies(rd -> assertThat(rd.co2()).isEqualTo(539.0));
        }
    }

    @Test
    void tasmotaTopicWithoutADeviceLevelIsRejectedAsMissingDevice() {
        for (String topic : new String[] {"tele/SENSOR", "tele//SENSOR"}) {
            DecodeResult r = decode(fast, topic, "{'SCD30':{'CarbonDioxide':814}}");
            assertThat(r).as(topic).isInstanceOf(DecodeResult.Rejected.class);
            assertThat(((DecodeResult.Rejected) r).code()).as(topic).isEqualTo("missing-device");
        }
    }

    @ParameterizedTest(name = "ts {0}")
    @CsvSource({"-1e300", "-9223372036854775808", "-31557014167219201", "'\"+1000000001-01-01T00:00:00Z\"'"})
    void mappingTimeOutsideTheRepresentableRangeFallsBackToTheArrival(String ts) {
        DecodeResult r = decode(fast, "acme/box-7/telemetry", "{'ts':" + ts + ",'sensors':{'cdx':776}}");
        assertNoInternalError(r, ts);
        assertThat(((DecodeResult.Decoded) r).readings()).singleElement().satisfies(rd -> {
            assertThat(rd.time()).isEqualTo(ARRIVAL);
            assertThat(rd.co2()).isEqualTo(776.0);
        });
    }

    @Test
    void mappingTimeInEpochMillisAndSecondsStillWorks() {
        Instant t = Instant.parse("2024-10-15T08:15:30Z");
        for (long ts : new long[] {t.getEpochSecond(), t.toEpochMilli()}) {
            DecodeResult r = decode(fast, "acme/box-7/telemetry", "{'ts':" + ts + ",'sensors':{'cdx':776}}");
            assertThat(((DecodeResult.Decoded) r).readings().get(0).time()).isEqualTo(t);
        }
    }

    @ParameterizedTest(name = "timestamp {0}")
    @CsvSource({"1e300", "9223372036854775807", "1e19"})
    void historyEntryWithATimestampBeyondTheRepresentableRangeIsSkipped(String ts) {
        String body = "{'end_device_ids':{'device_id':'am','dev_eui':'24E124710C401234'},"
                + "'uplink_message':{'decoded_payload':{'co2':700,'history':[{'timestamp':" + ts + ",'co2':600},"
                + "{'timestamp':1728980000,'co2':650}]},'received_at':'2024-10-15T08:15:30Z'}}";
        for (PayloadDecoder d : new PayloadDecoder[] {fast, tree}) {
            DecodeResult r = decode(d, "v3/app@ttn/devices/am/up", body);
            assertNoInternalError(r, ts);
            List<org.frischluft.model.Reading> rs = ((DecodeResult.Decoded) r).readings();
            assertThat(rs).extracting(org.frischluft.model.Reading::co2).containsExactly(700.0, 650.0);
        }
    }

    /**
     * Real messages (the corpus and a mapped body) with one to three values swapped for hostile ones: empty
     * and blank strings, ids over 128 characters, numbers at the ends of their ranges, wrong types. Both paths.
     */
    @Test
    void mutatedRealMessagesNeverFailInternally() throws IOException {
        JsonNode[] hostile = {TextNode.valueOf(""), TextNode.valueOf("   "), TextNode.valueOf("x".repeat(200)),
            TextNode.valueOf(" " + "y".repeat(129)), LongNode.valueOf(Long.MAX_VALUE), LongNode.valueOf(Long.MIN_VALUE),
            DoubleNode.valueOf(1e300), DoubleNode.valueOf(-1e300), IntNode.valueOf(-1), IntNode.valueOf(0),
            NullNode.instance, JSON.readTree("{}"), JSON.readTree("[]"), JSON.readTree("[{}]"),
            JSON.readTree("{\"value\":{}}"), BooleanNode.TRUE, TextNode.valueOf("AQDiAikEACcFBgYDCA=="),
            TextNode.valueOf("B33nBCDOAAAAZdwAWiAD"), TextNode.valueOf("+999999999-12-31T23:59:59Z"),
            TextNode.valueOf("1e400"), JSON.readTree("[{\"timestamp\":1e300,\"co2\":600}]"),
            JSON.readTree("{\"co2\":{\"values\":[1e300,2]}}"), TextNode.valueOf("A81758FFFE0312AB")};
        String[] keys = {"history", "bytes", "decoded_payload", "object", "time", "received_at", "device_id", "devEui",
            "deviceName", "esp8266id", "sensordatavalues", "value", "TempUnit", "objectJSON", "data", "fPort", "f_port",
            "frm_payload", "normalized_payload", "version_ids", "co2", "battery", "dev_eui", "devEUI", "ts"};
        String[] topics = {"tele/SENSOR", "", "/", "tele//SENSOR", "a/b/co2/state", "v3/a@ttn/devices//up",
            "application/1/device//event/up", "x".repeat(300)};
        List<String[]> seeds = new ArrayList<>();
        for (JsonNode c : CorpusCasesTest.cases()) {
            if (c.path("payload").isTextual()) seeds.add(new String[] {c.get("topic").asText(), c.get("payload").asText()});
        }
        seeds.add(new String[] {"acme/box-7/telemetry", "{\"ts\":1728980130,\"sensors\":{\"cdx\":\"776.0\",\"t10\":215}}"});
        Random rnd = new Random(11);
        int decoded = 0;
        for (int i = 0; i < 6_000; i++) {
            String[] seed = seeds.get(rnd.nextInt(seeds.size()));
            JsonNode root;
            try {
                root = JSON.readTree(seed[1]);
            } catch (IOException e) {
                continue; // the corpus' broken cases
            }
            if (root == null || !root.isContainerNode()) continue;
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                List<JsonNode> containers = new ArrayList<>();
                collect(root, containers);
                JsonNode c = containers.get(rnd.nextInt(containers.size()));
                JsonNode v = hostile[rnd.nextInt(hostile.length)].deepCopy();
                if (c instanceof ObjectNode o && (o.isEmpty() || rnd.nextInt(3) == 0)) {
                    o.set(keys[rnd.nextInt(keys.length)], v);
                } else if (c instanceof ObjectNode o) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    o.set(names.get(rnd.nextInt(names.size())), v);
                } else if (c instanceof ArrayNode a && !a.isEmpty()) {
                    a.set(rnd.nextInt(a.size()), v);
                }
            }
            String topic = rnd.nextInt(10) == 0 ? topics[rnd.nextInt(topics.length)] : seed[0];
            byte[] body = JSON.writeValueAsBytes(root);
            for (PayloadDecoder d : new PayloadDecoder[] {fast, tree}) {
                DecodeResult r = d.decode(topic, body, ARRIVAL);
                assertNoInternalError(r, topic + " " + new String(body, StandardCharsets.UTF_8));
                if (r instanceof DecodeResult.Decoded) decoded++;
            }
        }
        assertThat(decoded).as("mutants still decoded, so the mutation reaches the formats").isGreaterThan(3_000);
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (!n.isContainerNode()) return;
        out.add(n);
        for (JsonNode child : n) collect(child, out);
    }
}
