package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.frischluft.ingest.decode.CorpusCasesTestAccess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The decode CLI prints one JSON line per message, for the whole corpus in one run. */
class DecodeCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-15T09:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    static String run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new DecodeCommand(in, new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK)).execute(args);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCorpusCasePrintsOneLineWithTheExpectedStatus() throws IOException {
        List<JsonNode> cases = CorpusCasesTestAccess.cases();
        String out = run(getClass().getResourceAsStream("/corpus/cases.jsonl"), "--jsonl");
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(cases.size());
        for (int i = 0; i < lines.length; i++) {
            JsonNode c = cases.get(i);
            String id = c.get("id").asText();
            JsonNode line = JSON.readTree(lines[i]);
            assertThat(line.get("status").asText()).as(id + ": " + lines[i])
                    .isEqualTo(CorpusCasesTestAccess.expectedStatus(id, c.get("expected")));
        }
    }

    @Test
    void decodeSaysWhichModelReadTheCorpusRawFramesAndHowItWasKnown() throws IOException {
        List<JsonNode> cases = CorpusCasesTestAccess.cases();
        String[] lines = run(getClass().getResourceAsStream("/corpus/cases.jsonl"), "--jsonl").split("\n");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (int i = 0; i < lines.length; i++) byId.put(cases.get(i).get("id").asText(), JSON.readTree(lines[i]));
        JsonNode am319 = byId.get("cs3-milesight-am319-json-v3-raw").get("readings").get(0);
        assertThat(am319.get("model").asText()).isEqualTo("milesight-am319");
        assertThat(am319.get("model_source").asText()).isEqualTo("oui");
        JsonNode decodedByTtn = byId.get("ttn-elsys-ers-co2-decoded").get("readings").get(0);
        assertThat(decodedByTtn.has("model")).as("the network decoded it: no model to confirm").isFalse();
    }

    @Test
    void bareBytesFromAnUnknownVendorAreReadByTheOneCodecThatFitsAndSaySo() throws IOException {
        // the corpus' Elsys uplink without decoded payload, version_ids or an Elsys DevEUI
        String body = "{\"end_device_ids\":{\"device_id\":\"raum-7\",\"dev_eui\":\"0101010101010101\"},"
                + "\"received_at\":\"2024-10-15T08:15:30Z\",\"uplink_message\":{\"f_port\":5,"
                + "\"frm_payload\":\"" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of()
                .parseHex("0100e202290400270506060308")) + "\"}}";
        JsonNode r = JSON.readTree(run(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                "--topic", "v3/school-co2@ttn/devices/raum-7/up")).get("readings").get(0);
        assertThat(r.get("model").asText()).isEqualTo("elsys-ers-co2");
        assertThat(r.get("model_source").asText()).isEqualTo("frame");
        assertThat(r.get("co2_ppm").asInt()).isEqualTo(776);
    }

    @Test
    void aChirpStackDeviceProfileNameNamesTheModelAndAnAmbiguousFrameNamesTheCandidates() throws IOException {
        String data = java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of()
                .parseHex("0367340104686505000106cb02077da803087d2500097366270a7d04000b7d20000c7d3000"));
        String withProfile = "{\"deviceInfo\":{\"devEui\":\"0101010101010101\",\"deviceProfileName\":\"Milesight AM319\"},"
                + "\"time\":\"2024-10-15T08:15:30+00:00\",\"fPort\":85,\"data\":\"" + data + "\"}";
        JsonNode r = JSON.readTree(run(new ByteArrayInputStream(withProfile.getBytes(StandardCharsets.UTF_8)),
                "--topic", "application/x/device/0101010101010101/event/up")).get("readings").get(0);
        assertThat(r.get("model").asText()).isEqualTo("milesight-am319");
        assertThat(r.get("model_source").asText()).isEqualTo("device_profile");

        String without = withProfile.replace(",\"deviceProfileName\":\"Milesight AM319\"", "");
        JsonNode out = JSON.readTree(run(new ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8)),
                "--topic", "application/x/device/0101010101010101/event/up"));
        assertThat(out.get("readings")).isEmpty();
        assertThat(out.get("dropped").get(0).asText()).startsWith("ambiguous-frame:")
                .contains("milesight-am319", "milesight-am307").contains("configure its model");
    }

    @Test
    void topicOptionReadsOneBodyFromStdin() throws IOException {
        String out = run(new ByteArrayInputStream("{\"co2\":\"967\",\"temp\":\" 12.98 \",\"hum\":\"73\"}".getBytes(StandardCharsets.UTF_8)),
                "--topic", "sensors/Ampel_1");
        JsonNode r = JSON.readTree(out).get("readings").get(0);
        assertThat(r.get("device").asText()).isEqualTo("sensors/Ampel_1");
        assertThat(r.get("time").asText()).isEqualTo("2024-10-15T09:00:00Z");
        assertThat(r.get("co2_ppm").asInt()).isEqualTo(967);
        assertThat(r.get("temperature_c").asDouble()).isEqualTo(12.98);
        assertThat(r.get("humidity_pct").asInt()).isEqualTo(73);
    }

    @Test
    void modelOptionLetsRawBytesDecode() throws IOException {
        String body = "{\"deviceInfo\":{\"devEui\":\"0101010101010101\"},\"time\":\"2024-10-15T08:15:30+00:00\",\"fPort\":2,\"data\":\"PkQdAhs=\"}";
        String out = run(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                "--topic", "application/x/device/0101010101010101/event/up", "--model", "0101010101010101=talkpool-oy1210");
        JsonNode r = JSON.readTree(out).get("readings").get(0);
        assertThat(r.get("co2_ppm").asInt()).isEqualTo(539);
        assertThat(r.get("time").asText()).isEqualTo("2024-10-15T08:15:30Z");
        assertThat(r.get("model_source").asText()).isEqualTo("config");
    }

    @Test
    void brokenInputLineIsRejectedAndTheRunGoesOn() throws IOException {
        String in = "not json\n{\"topic\":\"sensors/a\",\"payload\":\"{\\\"co2\\\":600}\"}\n";
        String[] lines = run(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), "--jsonl").split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines[0]).get("status").asText()).isEqualTo("rejected");
        assertThat(JSON.readTree(lines[1]).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void schoolOptionUsesTheSchoolsSourceMappings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.frischluft.rooms.SourceMapping acme = new org.frischluft.rooms.SourceMapping("acme", "acme/+/telemetry", "topic:1", null,
                java.util.Map.of(org.frischluft.model.Metric.CO2, org.frischluft.rooms.SourceMapping.Field.of("/sensors/cdx"),
                        org.frischluft.model.Metric.TEMPERATURE, new org.frischluft.rooms.SourceMapping.Field("/sensors/t10", 0.1, 0)));
        java.nio.file.Path school = dir.resolve("school.json");
        org.frischluft.rooms.SchoolModel model = org.frischluft.rooms.TestSchool.site("s", "Schule").model();
        org.frischluft.rooms.file.SchoolFile.write(new org.frischluft.rooms.SchoolModel(null, null, List.of(), List.of(acme),
                model.sites()), school);
        byte[] body = "{\"sensors\":{\"cdx\":\"812\",\"t10\":215}}".getBytes(StandardCharsets.UTF_8);

        JsonNode without = JSON.readTree(run(new ByteArrayInputStream(body), "--topic", "acme/room-7/telemetry"));
        assertThat(without.get("status").asText()).isNotEqualTo("ok");

        JsonNode with = JSON.readTree(run(new ByteArrayInputStream(body), "--topic", "acme/room-7/telemetry",
                "--school", school.toString()));
        assertThat(with.get("status").asText()).as(with.toString()).isEqualTo("ok");
        JsonNode r = with.get("readings").get(0);
        assertThat(r.get("device").asText()).isEqualTo("room-7");
        assertThat(r.get("co2_ppm").asInt()).isEqualTo(812);
        assertThat(r.get("temperature_c").asDouble()).isEqualTo(21.5);
    }

    @Test
    void unreadableSchoolFileFailsWithExitCode2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path school = dir.resolve("school.json");
        java.nio.file.Files.writeString(school, "{\"id\": \"s\", \"rooms\": [], \"sensors\": [], \"colour\": 1}");
        int code = new CommandLine(new DecodeCommand(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), CLOCK))
                .execute("--topic", "x", "--school", school.toString());
        assertThat(code).isEqualTo(2);
    }
}
