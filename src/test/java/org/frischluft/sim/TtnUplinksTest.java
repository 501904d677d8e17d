package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TtnUplinksTest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Instant T = Instant.parse("2024-10-15T08:15:30.123456789Z");
    private static final DeviceId ELSYS = DeviceId.of("a81758fffe0312ab");
    private static final DeviceId AM319 = DeviceId.of("24e124126b312345");

    private final TtnUplinks uplinks = new TtnUplinks("school-co2");

    @Test
    void elsysBytesMatchTheVendorsRealSampleByteForByte() {
        SensorReading r = new SensorReading(T, 776, 22.6, 41, 39, 6, 3426, 1013, 0);
        assertThat(HexFormat.of().formatHex(TtnUplinks.elsysPayload(r))).isEqualTo("0100e202290400270506060308070d62");
    }

    @Test
    void am319BytesMatchTheCodecExampleForTheChannelsItSends() {
        SensorReading r = new SensorReading(T, 936, 30.8, 50.5, 120, 3, 0, 1008.6, 37);
        assertThat(HexFormat.of().formatHex(TtnUplinks.am319Payload(r)))
                .isEqualTo("0367340104686505000106cb02077da803087d250009736627");
    }

    @Test
    void elsysUplinkIsStrictJsonWithTheTtnEnvelope() throws Exception {
        SensorReading r = new SensorReading(T, 1234, -3.4, 37.4, 420, 12, 3601, 1013, 0);
        TtnUplinks.Uplink up = uplinks.uplink(ELSYS, DemoSchool.ELSYS_ERS_CO2, r, 1843);
        assertThat(up.topic()).isEqualTo("v3/school-co2@ttn/devices/eui-a81758fffe0312ab/up");

        JsonNode root = STRICT.readTree(up.payload());
        JsonNode ids = root.path("end_device_ids");
        assertThat(ids.path("device_id").asText()).isEqualTo("eui-a81758fffe0312ab");
        assertThat(ids.path("application_ids").path("application_id").asText()).isEqualTo("school-co2");
        assertThat(ids.path("dev_eui").asText()).isEqualTo("A81758FFFE0312AB").matches("[0-9A-F]{16}");
        assertThat(ids.path("dev_addr").asText()).matches("260B[0-9A-F]{4}");
        assertThat(root.path("correlation_ids")).isNotEmpty();
        root.path("correlation_ids").forEach(c -> assertThat(c.asText()).matches(".+:[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(root.path("received_at").asText()).isEqualTo("2024-10-15T08:15:30.123456789Z");

        JsonNode up1 = root.path("uplink_message");
        assertThat(up1.path("f_port").asInt()).isEqualTo(5);
        assertThat(up1.path("f_cnt").asLong()).isEqualTo(1843);
        assertThat(up1.path("rx_metadata").size()).isBetween(1, 2);
        for (JsonNode gw : up1.path("rx_metadata")) {
            assertThat(gw.path("gateway_ids").path("eui").asText()).matches("[0-9A-F]{16}");
            assertThat(gw.path("rssi").asInt()).isBetween(-140, -30);
            assertThat(Instant.parse(gw.path("time").asText())).isBefore(T);
            assertThat(gw.path("uplink_token").asText()).isBase64();
        }
        assertThat(up1.path("settings").path("data_rate").path("lora").path("spreading_factor").asInt()).isBetween(7, 12);
        assertThat(up1.path("settings").path("frequency").asText()).matches("86[78][1357]00000");
        assertThat(up1.path("version_ids").path("brand_id").asText()).isEqualTo("elsys");
        assertThat(up1.path("version_ids").path("model_id").asText()).isEqualTo("ers-co2");
        assertThat(up1.path("network_ids").path("cluster_id").asText()).isEqualTo("eu1");
        assertThat(up1.path("decoded_payload").path("co2").asInt()).isEqualTo(1234);
        assertThat(up1.path("decoded_payload").path("temperature").asDouble()).isEqualTo(-3.4);
        assertThat(up1.path("decoded_payload").path("humidity").asInt()).isEqualTo(37);
    }

    @ParameterizedTest
    @CsvSource({
            "776, 22.6, 41, 39, 6, 3426",
            "2310, 19.0, 55, 0, 0, 3300",
            "415, -12.3, 99, 65535, 255, 3671",
            "5000, 30.05, 12.6, 480, 17, 2900"})
    void elsysFrmPayloadDecodesToTheSameValuesAsDecodedPayload(int co2, double t, double rh, int light, int motion,
                                                              int vdd) throws Exception {
        SensorReading r = new SensorReading(T, co2, t, rh, light, motion, vdd, 1013, 0);
        JsonNode msg = STRICT.readTree(uplinks.uplink(ELSYS, DemoSchool.ELSYS_ERS_CO2, r, 7).payload())
                .path("uplink_message");
        Map<String, Double> fromBytes = elsysTlv(Base64.getDecoder().decode(msg.path("frm_payload").asText()));
        assertThat(numbers(msg.path("decoded_payload"))).isEqualTo(fromBytes);
        assertThat(fromBytes.get("co2")).isEqualTo(co2);
        assertThat(fromBytes.get("temperature")).isCloseTo(t, org.assertj.core.data.Offset.offset(0.051));
    }

    @ParameterizedTest
    @CsvSource({
            "936, 30.8, 50.5, 120, 3, 1008.6, 37",
            "1999, 20.4, 33.0, 0, 0, 990.0, 250",
            "640, -0.5, 71.3, 900, 1, 1021.3, 5"})
    void am319FrmPayloadDecodesToTheSameValuesAsDecodedPayload(int co2, double t, double rh, int lux, int motion,
                                                              double p, int tvoc) throws Exception {
        SensorReading r = new SensorReading(T, co2, t, rh, lux, motion, 0, p, tvoc);
        JsonNode root = STRICT.readTree(uplinks.uplink(AM319, DemoSchool.MILESIGHT_AM319, r, 1).payload());
        assertThat(root.path("end_device_ids").path("dev_eui").asText()).isEqualTo("24E124126B312345");
        JsonNode msg = root.path("uplink_message");
        assertThat(msg.path("f_port").asInt()).isEqualTo(85);
        assertThat(msg.path("version_ids").path("model_id").asText()).isEqualTo("am319");
        Map<String, Object> fromBytes = am319Channels(Base64.getDecoder().decode(msg.path("frm_payload").asText()));
        JsonNode decoded = msg.path("decoded_payload");
        Map<String, Object> fromJson = new LinkedHashMap<>();
        decoded.fields().forEachRemaining(e -> fromJson.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : (Object) e.getValue().asDouble()));
        assertThat(fromJson).isEqualTo(fromBytes);
        assertThat(fromBytes.get("co2")).isEqualTo((double) co2);
        assertThat(fromBytes.get("activity")).isEqualTo(motion > 0 ? "trigger" : "idle");
    }

    @Test
    void frameCounterZeroIsLeftOutAsTheThingsStackDoes() throws Exception {
        SensorReading r = new SensorReading(T, 500, 21, 40, 10, 0, 3600, 1013, 0);
        JsonNode msg = STRICT.readTree(uplinks.uplink(ELSYS, null, r, 0).payload()).path("uplink_message");
        assertThat(msg.has("f_cnt")).isFalse();
        assertThat(msg.path("f_port").asInt()).isEqualTo(5);
    }

    @Test
    void sameInputRendersTheSameBytesAndTheFrameCounterChangesTheRadioIds() {
        SensorReading r = new SensorReading(T, 500, 21, 40, 10, 0, 3600, 1013, 0);
        assertThat(uplinks.uplink(ELSYS, null, r, 5).body()).isEqualTo(uplinks.uplink(ELSYS, null, r, 5).body());
        assertThat(uplinks.uplink(ELSYS, null, r, 5).body()).isNotEqualTo(uplinks.uplink(ELSYS, null, r, 6).body());
    }

    @Test
    void airtimeFollowsTheSemtechFormulaAndMatchesTheNetworkServersFigureAtSf7() {
        assertThat(TtnUplinks.airtimeSeconds(7, 26)).isEqualTo("0.061696");
        assertThat(TtnUplinks.airtimeSeconds(12, 26)).isEqualTo("1.646592");
    }

    /** A reader of the Elsys TLV layout written from elsys.js, independent of the encoder. */
    private static Map<String, Double> elsysTlv(byte[] b) {
        Map<String, Double> out = new LinkedHashMap<>();
        int i = 0;
        while (i < b.length) {
            int type = b[i++] & 0xFF;
            switch (type) {
                case 0x01 -> { out.put("temperature", ((short) (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))) / 10.0); i += 2; }
                case 0x02 -> { out.put("humidity", (double) (b[i] & 0xFF)); i += 1; }
                case 0x04 -> { out.put("light", (double) (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))); i += 2; }
                case 0x05 -> { out.put("motion", (double) (b[i] & 0xFF)); i += 1; }
                case 0x06 -> { out.put("co2", (double) (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))); i += 2; }
                case 0x07 -> { out.put("vdd", (double) (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))); i += 2; }
                default -> throw new AssertionError("unexpected Elsys type " + type);
            }
        }
        return out;
    }

    /** A reader of the AM319 channel layout written from am319.js. */
    private static Map<String, Object> am319Channels(byte[] b) {
        Map<String, Object> out = new LinkedHashMap<>();
        int i = 0;
        while (i < b.length) {
            int channel = b[i++] & 0xFF;
            int type = b[i++] & 0xFF;
            if (channel == 0x03 && type == 0x67) { out.put("temperature", ((short) ((b[i] & 0xFF) | (b[i + 1] << 8))) / 10.0); i += 2; }
            else if (channel == 0x04 && type == 0x68) { out.put("humidity", (b[i] & 0xFF) / 2.0); i += 1; }
            else if (channel == 0x05 && type == 0x00) { out.put("activity", b[i] == 1 ? "trigger" : "idle"); i += 1; }
            else if (channel == 0x06 && type == 0xCB) { out.put("light_level", (double) (b[i] & 0xFF)); i += 1; }
            else if (channel == 0x07 && type == 0x7D) { out.put("co2", (double) ((b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8))); i += 2; }
            else if (channel == 0x08 && type == 0x7D) { out.put("tvoc", (double) ((b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8))); i += 2; }
            else if (channel == 0x09 && type == 0x73) { out.put("pressure", ((b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8)) / 10.0); i += 2; }
            else throw new AssertionError("unexpected AM319 channel " + channel + "/" + type);
        }
        return new java.util.TreeMap<>(out);
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            assertThat(e.getValue().isNumber()).as(e.getKey()).isTrue();
            out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }
}
