package org.frischluft.ingest.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;
import org.junit.jupiter.api.Test;

/**
 * Which model raw bytes are read with when nothing was configured: the DevEUI's vendor, a ChirpStack device
 * profile's name, else the frame itself, accepted only when exactly one codec reads all of it plausibly.
 */
class ModelInferenceTest {
    private static final DeviceId NO_VENDOR = DeviceId.of("0101010101010101");

    /** Every corpus case with raw bytes and a named model: {id, model, hex, fPort}. */
    static List<String[]> corpusFrames() throws Exception {
        List<String[]> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ModelInferenceTest.class.getResourceAsStream("/corpus/cases.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode c = json.readTree(line);
                if (!c.hasNonNull("raw_bytes_hex") || !c.hasNonNull("device_model")) continue;
                JsonNode payload = c.hasNonNull("payload") ? json.readTree(c.get("payload").asText()) : null;
                int fPort = payload == null ? -1 : payload.path("uplink_message").path("f_port").asInt(payload.path("fPort").asInt(-1));
                out.add(new String[] {c.get("id").asText(), c.get("device_model").asText(), c.get("raw_bytes_hex").asText(),
                        Integer.toString(fPort)});
            }
        }
        return out;
    }

    @Test
    void theCorpusFramesWithoutAnyHintInferTheirOwnModelOrNameItAmongTheCandidatesNeverAnother() throws Exception {
        int inferred = 0;
        List<String[]> frames = corpusFrames();
        assertThat(frames).hasSizeGreaterThan(15);
        for (String[] f : frames) {
            SensorModel expected = Codecs.byProfileName(f[1]).orElseThrow(() -> new AssertionError("no model for " + f[1]));
            Codecs.Inference inf = Codecs.infer(NO_VENDOR, HexFormat.of().parseHex(f[2]), Integer.parseInt(f[3]));
            System.out.println(f[0] + " [" + f[1] + "] -> " + inf);
            if (inf.model() != null) {
                assertThat(inf.model()).as(f[0]).isEqualTo(expected);
                assertThat(inf.source()).isEqualTo("frame");
                inferred++;
            } else if (!inf.candidates().isEmpty()) {
                assertThat(inf.candidates()).as(f[0] + ": several fit, its own among them").hasSizeGreaterThan(1)
                        .contains(expected.id());
            }
        }
        // the Milesight AM frames fit three AM layouts; a battery-only frame, a display's command response and a
        // 0xFFFF sentinel have no plausible CO2: those name no model
        assertThat(inferred).isGreaterThanOrEqualTo(12);
    }

    @Test
    void milesightAmFramesAreAmbiguousWithoutTheDevEuiAndNamedByIt() {
        byte[] am319 = HexFormat.of().parseHex("0367340104686505000106cb02077da803087d2500097366270a7d04000b7d20000c7d3000");
        assertThat(Codecs.infer(NO_VENDOR, am319, 85).candidates())
                .contains("milesight-am319", "milesight-am307");
        Codecs.Inference byVendor = Codecs.infer(DeviceId.of("24e124136b298765"), am319, 85);
        assertThat(byVendor.model()).isEqualTo(SensorModel.MILESIGHT_AM319);
        assertThat(byVendor.source()).isEqualTo("oui");
    }

    @Test
    void aDevEuiOfAKnownVendorNamesItsModelIncludingMClimate() {
        byte[] mclimate = HexFormat.of().parseHex("010271027384ed");
        Codecs.Inference inf = Codecs.infer(DeviceId.of("70b3d52dd3000a11"), mclimate, 2);
        assertThat(inf.model()).isEqualTo(SensorModel.MCLIMATE_CO2_SENSOR);
        assertThat(inf.source()).isEqualTo("oui");
    }

    @Test
    void aDeviceProfileNameNamesAModelOnlyWithItsVendorOrItsFullId() {
        assertThat(Codecs.byProfileName("Milesight AM319 (Klassenräume)")).contains(SensorModel.MILESIGHT_AM319);
        assertThat(Codecs.byProfileName("ELSYS ERS CO2 Lite")).contains(SensorModel.ELSYS_ERS_CO2);
        assertThat(Codecs.byProfileName("schule-mclimate-co2-sensor")).contains(SensorModel.MCLIMATE_CO2_SENSOR);
        assertThat(Codecs.byProfileName("CO2 sensors, 2nd floor")).isEmpty();
        assertThat(Codecs.byProfileName("AM319")).as("a model name without its vendor").isEmpty();
        assertThat(Codecs.byProfileName(null)).isEmpty();
    }

    @Test
    void bytesNoCodecReadsWholeAndPlausiblyInferNothing() {
        Codecs.Inference inf = Codecs.infer(NO_VENDOR, "Temperature = 0.0".getBytes(StandardCharsets.US_ASCII), 1);
        assertThat(inf.model()).isNull();
        assertThat(Codecs.infer(NO_VENDOR, new byte[] {(byte) 0xAA}, 1).model()).isNull();
        assertThat(Codecs.infer(NO_VENDOR, new byte[0], 1).model()).isNull();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
