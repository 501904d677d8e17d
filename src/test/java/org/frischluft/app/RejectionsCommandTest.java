package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.frischluft.ingest.RejectionJournal;
import org.frischluft.model.RejectionSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code frischluft rejections} prints counts by reason and the newest rejected messages first. */
class RejectionsCommandTest {
    static final Instant T0 = Instant.parse("2025-11-25T09:00:00Z");

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void journal() throws Exception {
        file = dir.resolve("rejections.jsonl");
        RejectionJournal j = new RejectionJournal(file);
        j.append(List.of(
                new RejectionSummary.Entry(T0, "v3/school@ttn/devices/eui-a84041000181c0de/up", "implausible-co2: 65535 ppm", "{\"end_device_ids\":{}}"),
                new RejectionSummary.Entry(T0.plusSeconds(60), "sensors/ampel-3", "malformed-json: unexpected end", "{\"co2\": "),
                new RejectionSummary.Entry(T0.plusSeconds(120), "v3/school@ttn/devices/eui-a84041000181c0de/up", "implausible-co2: 0 ppm", "{\"end_device_ids\":{}}")));
    }

    String run(String... args) {
        RejectionsCommand cmd = new RejectionsCommand();
        cmd.zone = ZoneId.of("Europe/Berlin");
        StringWriter out = new StringWriter();
        int code = new CommandLine(cmd).setOut(new PrintWriter(out)).execute(args);
        assertThat(code).isZero();
        return out.toString();
    }

    @Test
    void tableShowsCountsByReasonThenTheNewestFirstInLocalTime() {
        String out = run("--file", file.toString(), "--limit", "2");
        assertThat(out).contains("3 rejected messages kept in");
        assertThat(out).containsPattern("\\s2  implausible-co2\\R\\s+1  malformed-json");
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("time ")).findFirst().orElseThrow());
        assertThat(lines.subList(header + 1, lines.size())).hasSize(2);
        assertThat(lines.get(header + 1)).startsWith("2025-11-25 10:02:00").contains("implausible-co2: 0 ppm")
                .contains("eui-a84041000181c0de/up");
        assertThat(lines.get(header + 2)).startsWith("2025-11-25 10:01:00").contains("sensors/ampel-3", "{\"co2\": ");
    }

    @Test
    void jsonHasCountsAndTheNewestMessages() throws Exception {
        JsonNode n = new ObjectMapper().readTree(run("--file", file.toString(), "--json", "--limit", "5"));
        assertThat(n.get("kept").asInt()).isEqualTo(3);
        assertThat(n.get("counts").get("implausible-co2").asInt()).isEqualTo(2);
        assertThat(n.get("recent")).hasSize(3);
        assertThat(n.get("recent").get(0).get("time").asText()).isEqualTo("2025-11-25T09:02:00Z");
        assertThat(n.get("recent").get(2).get("reason").asText()).isEqualTo("implausible-co2: 65535 ppm");
    }

    @Test
    void aMissingFileSaysSoAndSucceeds() {
        assertThat(run("--file", dir.resolve("none.jsonl").toString())).startsWith("No rejected messages in");
    }

    @Test
    void longTopicsKeepTheirEndWhereTheDeviceIs() {
        assertThat(RejectionsCommand.cutLeft("v3/a-very-long-application@ttn/devices/eui-a84041000181c0de/up", 30))
                .hasSize(30).startsWith("…").endsWith("eui-a84041000181c0de/up");
    }

    @Test
    void theCommandIsRegisteredInMain() {
        assertThat(Main.commandLine().getSubcommands()).containsKeys("rejections", "pin");
    }
}
