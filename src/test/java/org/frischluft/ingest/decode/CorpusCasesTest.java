package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public corpus case (src/test/resources/corpus/cases.jsonl) decodes to its expected values. */
class CorpusCasesTest {
    static final Instant ARRIVAL = Instant.parse("2024-10-15T09:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Cases the corpus marks "error" that are whole-message rejections, with their code. */
    static final Map<String, String> REJECTED = Map.of(
            "edge-truncated-json", "malformed-json",
            "edge-ttn-missing-uplink-message", "missing-uplink-message",
            "edge-co2-nan-token", "malformed-json",
            "edge-huge-payload", "too-large");

    static List<JsonNode> cases() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CorpusCasesTest.class.getResourceAsStream("/corpus/cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static Stream<Arguments> corpus() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    static byte[] body(JsonNode c) {
        JsonNode p = c.get("payload");
        if (p != null && p.isTextual()) return p.textValue().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().parseHex(c.path("payload_hex").asText(""));
    }

    /** "ok", "ignored" or "rejected" as the CLI prints it. */
    static String expectedStatus(String id, JsonNode expected) {
        if (expected.path("ignore").asBoolean(false)) return "ignored";
        if (REJECTED.containsKey(id)) return "rejected";
        return "ok";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusCaseDecodesToItsExpectedValues(String id, JsonNode c) {
        PayloadDecoder decoder = new PayloadDecoder(DecoderSettings.defaults(), Clock.fixed(ARRIVAL, ZoneOffset.UTC));
        JsonNode expected = c.get("expected");
        DecodeResult r = decoder.decode(c.get("topic").asText(), body(c), ARRIVAL);

        switch (expectedStatus(id, expected)) {
            case "ignored" -> assertThat(r).as(id).isInstanceOf(DecodeResult.Ignored.class);
            case "rejected" -> {
                assertThat(r).as(id).isInstanceOf(DecodeResult.Rejected.class);
                assertThat(((DecodeResult.Rejected) r).code()).isEqualTo(REJECTED.get(id));
            }
            default -> {
                assertThat(r).as(id + " " + r).isInstanceOf(DecodeResult.Decoded.class);
                DecodeResult.Decoded d = (DecodeResult.Decoded) r;
                checkDecoded(id, expected, d);
            }
        }
    }

    private static void checkDecoded(String id, JsonNode expected, DecodeResult.Decoded d) {
        Optional<Reading> current = d.readings().stream().findFirst();
        boolean anyMetricExpected = false;
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            Optional<Metric> m = Metric.byKey(e.getKey());
            if (m.isEmpty()) continue;
            if (e.getValue().isNull()) {
                current.ifPresent(rd -> assertThat(rd.has(m.get())).as(id + " " + e.getKey() + " absent").isFalse());
            } else {
                anyMetricExpected = true;
                assertThat(current).as(id + " has a reading").isPresent();
                assertThat(current.get().get(m.get()).orElseThrow(() -> new AssertionError(id + " lacks " + e.getKey() + " in " + d)))
                        .as(id + " " + e.getKey()).isCloseTo(e.getValue().asDouble(), within(0.01));
            }
        }
        if (expected.path("no_reading").asBoolean(false)) {
            assertThat(d.readings()).as(id).noneMatch(rd -> rd.has(Metric.CO2));
            if (!anyMetricExpected) {
                assertThat(d.readings()).as(id).isEmpty();
                assertThat(d.dropped()).as(id + " says why").isNotEmpty();
            }
        }
        if (expected.path("error").asBoolean(false)) {
            assertThat(d.dropped()).as(id + " names the dropped value").anyMatch(s -> s.contains("co2"));
            assertThat(d.readings()).as(id).noneMatch(rd -> rd.has(Metric.CO2));
        }
        if (expected.hasNonNull("dev_eui")) {
            current.ifPresent(rd -> assertThat(rd.device().value()).isEqualTo(expected.get("dev_eui").asText()));
        }
        assertThat(d.simulated()).as(id + " simulated").isEqualTo(expected.path("simulated").asBoolean(false));
        for (Reading rd : d.readings()) {
            rd.values().forEach((m, v) -> assertThat(m.isPlausible(v)).as(id + " " + m).isTrue());
        }
    }
}
