package org.frischluft.rooms.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.Reading;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.DefaultModel;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.Test;

/** The school file's default sensor model per application, device profile or topic prefix, for whole fleets. */
class DefaultModelsTest {
    private static final String SITES = """
            "sites": [{"id": "gs-test", "name": "Testschule", "calendar": {"zone": "Europe/Berlin", "state": "SH"},
              "buildings": [{"id": "main", "floors": [{"name": "EG", "rooms": [{"id": "r-1"}]}]}]}]""";

    private static SchoolFile.Result parse(String json) {
        return SchoolFile.parse(json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void defaultModelsAreReadWrittenAndUsedForRawBytesOfTheirFleet() throws Exception {
        SchoolFile.Result r = parse("""
                {"defaultModels": [{"application": "school-co2", "model": "elsys-ers-co2"},
                                   {"deviceProfile": "Klassenraum AM319", "model": "milesight-am319"},
                                   {"topicPrefix": "application/7/", "model": "elsys-ers-co2"}],
                """ + SITES + "}");
        assertThat(r.errors()).isEmpty();
        SchoolModel school = r.model();
        assertThat(school.defaultModels()).containsExactly(
                new DefaultModel(DefaultModel.Kind.APPLICATION, "school-co2", SensorModel.ELSYS_ERS_CO2),
                new DefaultModel(DefaultModel.Kind.DEVICE_PROFILE, "Klassenraum AM319", SensorModel.MILESIGHT_AM319),
                new DefaultModel(DefaultModel.Kind.TOPIC_PREFIX, "application/7/", SensorModel.ELSYS_ERS_CO2));
        assertThat(parse(SchoolFile.toJson(school)).model()).as("round trip").isEqualTo(school);

        // a Milesight DevEUI would infer the AM319 from its OUI; the fleet's default wins and says so
        Instant t = Instant.parse("2026-11-23T08:00:00Z");
        PayloadDecoder decoder = new PayloadDecoder(DecoderSettings.from(school), Clock.fixed(t, ZoneOffset.UTC));
        String body = "{\"end_device_ids\":{\"device_id\":\"r-1\",\"dev_eui\":\"0101010101010101\"},"
                + "\"received_at\":\"2026-11-23T08:00:00Z\",\"uplink_message\":{\"f_port\":5,\"frm_payload\":\""
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex("0100e202290400270506060308")) + "\"}}";
        DecodeResult d = decoder.decode("v3/school-co2@ttn/devices/r-1/up", body.getBytes(StandardCharsets.UTF_8), t);
        Reading reading = ((DecodeResult.Decoded) d).readings().get(0);
        assertThat(reading.model()).isEqualTo("elsys-ers-co2");
        assertThat(reading.modelSource()).isEqualTo("default");
        assertThat(((DecodeResult.Decoded) decoder.decode("v3/other-app@ttn/devices/r-1/up",
                body.getBytes(StandardCharsets.UTF_8), t)).modelSource()).isEqualTo("frame");
    }

    @Test
    void aDefaultModelNamingTwoFleetsOrAnUnknownModelIsAProblemWithItsPath() {
        SchoolFile.Result r = parse("""
                {"defaultModels": [{"application": "a", "topicPrefix": "b/", "model": "elsys-ers-co2"},
                                   {"application": "school-co2", "model": "elsys-ers-co3"},
                                   {"deviceProfile": "p"}],
                """ + SITES + "}");
        assertThat(r.errors()).extracting(p -> p.path() + " " + p.code()).containsExactlyInAnyOrder(
                "defaultModels[0] default-model.which",
                "defaultModels[1].model model.unknown",
                "defaultModels[2] value.missing");
        assertThat(r.errors().get(0).describe(Locale.GERMAN)).contains("genau eines");
    }
}
