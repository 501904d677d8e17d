package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevicesCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void unplacedDevicesAreListedWithTheirLastReadingAndTheModelTheirBytesWereReadWith() {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        // a raw Elsys frame from a DevEUI of no known vendor, as ingest decodes it
        String body = "{\"end_device_ids\":{\"device_id\":\"raum-7\",\"dev_eui\":\"0101010101010101\"},"
                + "\"received_at\":\"2026-11-23T08:05:00Z\",\"uplink_message\":{\"f_port\":5,\"frm_payload\":\""
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex("0100e202290400270506060308")) + "\"}}";
        DecodeResult r = new PayloadDecoder(DecoderSettings.defaults(), Clock.fixed(T0, ZoneOffset.UTC))
                .decode("v3/school-co2@ttn/devices/raum-7/up", body.getBytes(StandardCharsets.UTF_8), T0);
        try (Store store = Store.open(StoreOptions.of(url), Clock.fixed(T0, ZoneOffset.UTC))) {
            store.assign(DeviceId.of("placed-1"), RoomId.of("r-101"), T0);
            store.writer().submit(Reading.of(DeviceId.of("placed-1"), T0, 700.0, null, null));
            store.writer().submit(Reading.of(DeviceId.of("diy-light-9"), T0.plusSeconds(60), 1234.0, 22.0, null));
            store.writer().submitAll(((DecodeResult.Decoded) r).readings());
            store.writer().flush(Duration.ofSeconds(20));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("devices", "--unplaced", "--db", url);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "device,last_seen,last_co2_ppm,inferred_model",
                "0101010101010101,2026-11-23T08:05:00Z,776,elsys-ers-co2 (frame)",
                "diy-light-9,2026-11-23T08:01:00Z,1234,");
    }

    @Test
    void aMissingDatabaseIsRefusedOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("devices", "--unplaced", "--db", "jdbc:h2:file:" + dir.resolve("none").toAbsolutePath());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no history at").contains("run record first or check --db");
    }
}
