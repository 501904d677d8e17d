package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SourceMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadDecoderTest {
    static final Instant NOW = Instant.parse("2024-10-15T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    final PayloadDecoder decoder = new PayloadDecoder(DecoderSettings.defaults(), CLOCK);

    DecodeResult decode(String topic, String body) {
        return decoder.decode(topic, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    static Reading only(DecodeResult r) {
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        List<Reading> rs = ((DecodeResult.Decoded) r).readings();
        assertThat(rs).hasSize(1);
        return rs.get(0);
    }

    static String code(DecodeResult r) {
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) r).code();
    }

    @Test
    void bodyOverTheSizeLimitIsRejectedBeforeParsing() {
        PayloadDecoder small = new PayloadDecoder(DecoderSettings.defaults().withLimits(100, 32), CLOCK);
        String big = "{\"co2\":" + " ".repeat(200) + "600}";
        assertThat(code(small.decode("sensors/a", big.getBytes(StandardCharsets.UTF_8), NOW))).isEqualTo("too-large");
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertThat(code(decode("sensors/a", deep))).isEqualTo("too-deep");
    }

    @Test
    void nanTokenAndTruncatedJsonAreMalformed() {
        assertThat(code(decode("sensors/a", "{\"co2\":NaN}"))).isEqualTo("malformed-json");
        assertThat(code(decode("sensors/a", "{\"co2\":6"))).isEqualTo("malformed-json");
        assertThat(code(decode("sensors/a", "{\"co2\":600} trailing"))).isEqualTo("malformed-json");
    }

    @Test
    void binaryProtobufOnAChirpStackTopicIsRejectedWithAHint() {
        byte[] proto = {0x0a, 0x24, 0x33, 0x61, (byte) 0xc7, (byte) 0xe3, 0x12, 0x00, (byte) 0xff};
        DecodeResult r = decoder.decode("application/x/device/0101010101010101/event/up", proto, NOW);
        assertThat(code(r)).isEqualTo("binary-payload");
        assertThat(((DecodeResult.Rejected) r).reason()).contains("json=true");
    }

    @Test
    void randomGarbageNeverThrows() {
        Random rnd = new Random(42);
        String[] topics = {"v3/a@ttn/devices/d/up", "application/1/device/0101010101010101/event/up", "tele/x/SENSOR",
            "n/sensor/co2/state", "sensors/a", ""};
        for (int i = 0; i < 2_000; i++) {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            if (i % 3 == 0 && b.length > 0) b[0] = '{';
            String topic = topics[i % topics.length];
            assertThatCode(() -> assertThat(decoder.decode(topic, b, NOW)).isNotNull()).doesNotThrowAnyException();
            HostileInputTest.assertNoInternalError(decoder.decode(topic, b, NOW), topic + " " + java.util.HexFormat.of().formatHex(b));
        }
        assertThat(decoder.decode(null, null, null)).isInstanceOf(DecodeResult.Ignored.class);
    }

    @Test
    void aMessageWithoutItsArrivalTimeIsStampedByTheInjectedClock() {
        Instant later = Instant.parse("2031-03-04T05:06:07.089Z");
        PayloadDecoder d = new PayloadDecoder(DecoderSettings.defaults(), Clock.fixed(later, ZoneOffset.UTC));
        Reading r = only(d.decode("sensors/a", "{\"co2\":600}".getBytes(StandardCharsets.UTF_8), null));
        assertThat(r.time()).isEqualTo(later);
        Reading given = only(d.decode("sensors/a", "{\"co2\":600}".getBytes(StandardCharsets.UTF_8), NOW));
        assertThat(given.time()).isEqualTo(NOW);
    }

    @Test
    void co2ErrorValueIsDroppedAndTemperatureAndHumidityKept() {
        DecodeResult r = decode("sensors/a", "{\"co2\":65535,\"temperature\":21.5,\"humidity\":40}");
        Reading reading = only(r);
        assertThat(reading.has(Metric.CO2)).isFalse();
        assertThat(reading.temperature()).isEqualTo(21.5);
        assertThat(((DecodeResult.Decoded) r).dropped()).containsExactly("implausible-co2: 65535 ppm");
        assertThat(((DecodeResult.Decoded) decode("sensors/a", "{\"co2\":\"n/a\",\"temperature\":20}")).dropped())
                .containsExactly("invalid-co2: \"n/a\"");
    }

    @Test
    void numbersArriveAsIntegersDecimalsOrStrings() {
        for (String v : List.of("776", "776.0", "\"776\"", "\" 776 \"")) {
            assertThat(only(decode("sensors/a", "{\"co2\":" + v + "}")).co2()).isEqualTo(776.0);
        }
    }

    @Test
    void tasmotaFahrenheitIsConvertedAndEco2Ignored() {
        Reading r = only(decode("tele/snifferbuddy/SENSOR",
                "{\"Time\":\"2022-09-06T08:52:59\",\"ANALOG\":{\"A0\":542},\"SCD30\":{\"CarbonDioxide\":814,\"eCO2\":787,\"Temperature\":71.8,\"Humidity\":61.6,\"DewPoint\":57.9},\"TempUnit\":\"F\"}"));
        assertThat(r.device().value()).isEqualTo("snifferbuddy");
        assertThat(r.co2()).isEqualTo(814.0);
        assertThat(r.temperature()).isCloseTo(22.111, org.assertj.core.api.Assertions.within(0.01));
        assertThat(r.time()).isEqualTo(NOW);
    }

    @Test
    void esphomeNoneAndStatusAndOtherComponents() {
        DecodeResult none = decode("node/sensor/workshop_co2/state", "None");
        assertThat(((DecodeResult.Decoded) none).readings()).isEmpty();
        assertThat(((DecodeResult.Decoded) none).dropped()).containsExactly("invalid-co2: \"None\"");
        assertThat(decode("node/status", "online")).isInstanceOf(DecodeResult.Ignored.class);
        assertThat(decode("node/sensor/wifi_signal/state", "-60")).isInstanceOf(DecodeResult.Ignored.class);
        Reading t = only(decode("node/sensor/workshop_temperature/state", "21.46"));
        assertThat(t.device().value()).isEqualTo("node");
    }

    @Test
    void homeAssistantEntitiesOfOneRoomShareADevice() {
        Reading co2 = only(decode("homeassistant/sensor/klassenraum_101_co2/state", "\"812\""));
        Reading t = only(decode("homeassistant/sensor/klassenraum_101_temperature/state", "\"21.0\""));
        assertThat(co2.device()).isEqualTo(t.device()).isEqualTo(DeviceId.of("klassenraum_101"));
    }

    @Test
    void fabLabKarlsruheAndSensorCommunityBodies() {
        Reading fablab = only(decode("sensors/fablab/ampel7",
                "{\"sensor\":\"ampel7\",\"data\":{\"co2\":640,\"humidity\":44,\"temp\":21.2,\"pressure\":1003,\"color\":\"green\"}}"));
        assertThat(fablab.co2()).isEqualTo(640.0);
        assertThat(fablab.get(Metric.PRESSURE)).hasValue(1003);
        Reading airrohr = only(decode("airrohr/x", "{\"esp8266id\":\"123\",\"software_version\":\"NRZ-2024-135\",\"sensordatavalues\":"
                + "[{\"value_type\":\"SCD30_co2_ppm\",\"value\":\"503.00\"},{\"value_type\":\"SCD30_temperature\",\"value\":\"21.30\"}]}"));
        assertThat(airrohr.device().value()).isEqualTo("esp8266-123");
        assertThat(airrohr.co2()).isEqualTo(503.0);
    }

    @Test
    void unknownJsonIsRejectedSoTheAdminCanMapIt() {
        assertThat(code(decode("sensors/x", "{\"foo\":1}"))).isEqualTo("unsupported-format");
        assertThat(code(decode("x", "{\"app_id\":\"a\",\"dev_id\":\"d\",\"payload_fields\":{\"co2\":600}}"))).isEqualTo("unsupported-format");
    }

    @Test
    void ttnUpAndNormalizedTwinGiveTheSameDeviceAndTime() {
        String ids = "{\"end_device_ids\":{\"device_id\":\"room-101\",\"dev_eui\":\"A81758FFFE0312AB\"},\"received_at\":\"2024-10-15T08:15:30.2Z\",";
        Reading up = only(decode("v3/s@ttn/devices/room-101/up", ids
                + "\"uplink_message\":{\"f_port\":5,\"frm_payload\":\"AQDiAikEACcFBgYDCA==\",\"decoded_payload\":{\"co2\":776},"
                + "\"received_at\":\"2024-10-15T08:15:30.123456789Z\"}}"));
        Reading normalized = only(decode("v3/s@ttn/devices/room-101/up/normalized", ids
                + "\"uplink_normalized\":{\"f_port\":5,\"normalized_payload\":{\"air\":{\"co2\":776,\"temperature\":22.6}},"
                + "\"received_at\":\"2024-10-15T08:15:30.123456789Z\"}}"));
        assertThat(normalized.device()).isEqualTo(up.device());
        assertThat(normalized.time()).isEqualTo(up.time()).isEqualTo(Instant.parse("2024-10-15T08:15:30.123456789Z"));
        assertThat(normalized.co2()).isEqualTo(776.0);
    }

    @Test
    void ttnRawBytesUseVersionIdsAndMilesightHistoryBecomesOlderReadings() {
        // AM103 frame + history record (ts 0x65000000, 22.0 °C, 45 %, 800 ppm), no decoded_payload
        String body = "{\"end_device_ids\":{\"device_id\":\"am\",\"dev_eui\":\"24E124710C401234\"},"
                + "\"uplink_message\":{\"f_port\":85,\"frm_payload\":\"B33nBCDOAAAAZdwAWiAD\",\"received_at\":\"2024-10-15T08:15:30Z\","
                + "\"version_ids\":{\"brand_id\":\"milesight-iot\",\"model_id\":\"am103\"}}}";
        DecodeResult.Decoded d = (DecodeResult.Decoded) decode("v3/s@ttn/devices/am/up", body);
        assertThat(d.readings()).hasSize(2);
        assertThat(d.readings().get(0).co2()).isEqualTo(1255.0);
        assertThat(d.readings().get(1).time()).isEqualTo(Instant.ofEpochSecond(0x65000000L));
        assertThat(d.readings().get(1).co2()).isEqualTo(800.0);
    }

    @Test
    void configuredModelWinsAndUnknownModelSaysSo() {
        String body = "{\"deviceInfo\":{\"devEui\":\"0101010101010101\"},\"fPort\":2,\"data\":\"PkQdAhs=\"}";
        String topic = "application/x/device/0101010101010101/event/up";
        PayloadDecoder configured = new PayloadDecoder(DecoderSettings.defaults()
                .withModels(Map.of(DeviceId.of("0101010101010101"), "talkpool-oy1210")), CLOCK);
        assertThat(only(configured.decode(topic, body.getBytes(StandardCharsets.UTF_8), NOW)).co2()).isEqualTo(539.0);
        PayloadDecoder unknown = new PayloadDecoder(DecoderSettings.defaults()
                .withModels(Map.of(DeviceId.of("0101010101010101"), "acme-9000")), CLOCK);
        DecodeResult.Decoded d = (DecodeResult.Decoded) unknown.decode(topic, body.getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(d.readings()).isEmpty();
        assertThat(d.dropped()).singleElement().asString().startsWith("unknown-model");
    }

    @Test
    void chirpstackObjectOfTheWrongTypeFallsBackToTheBytes() {
        String body = "{\"deviceInfo\":{\"devEui\":\"a81758fffe0312ab\"},\"time\":\"2024-10-15T08:15:30.412761183+00:00\","
                + "\"fPort\":5,\"data\":\"AQDiAikEACcFBgYDCA==\",\"object\":[1,2]}";
        Reading r = only(decode("application/x/device/a81758fffe0312ab/event/up", body));
        assertThat(r.co2()).isEqualTo(776.0);
        assertThat(r.time()).isEqualTo(Instant.parse("2024-10-15T08:15:30.412761183Z"));
    }

    @Test
    void chirpstackV3ProtobufJsonWithBase64EuiAndObjectJsonString() {
        String body = "{\"applicationID\":\"123\",\"devEUI\":\"AgICAgICAgI=\",\"rxInfo\":[{\"time\":\"2019-11-08T13:59:25.048445Z\"}],"
                + "\"fPort\":5,\"data\":\"...\",\"objectJSON\":\"{\\\"temperatureSensor\\\":25,\\\"humiditySensor\\\":32}\"}";
        Reading r = only(decode("application/123/device/0202020202020202/event/up", body));
        assertThat(r.device().value()).isEqualTo("0202020202020202");
        assertThat(r.temperature()).isEqualTo(25.0);
        assertThat(r.humidity()).isEqualTo(32.0);
    }

    @Test
    void adminMappingComesFirstAndScales() {
        SourceMapping m = new SourceMapping("acme", "acme/+/telemetry", "topic:1", "/ts",
                Map.of(Metric.CO2, SourceMapping.Field.of("/sensors/cdx"),
                        Metric.TEMPERATURE, new SourceMapping.Field("/sensors/t10", 0.1, 0)));
        PayloadDecoder d = new PayloadDecoder(new DecoderSettings(Map.of(), List.of(m), 65536, 32), CLOCK);
        Reading r = only(d.decode("acme/box-7/telemetry",
                "{\"ts\":1728980130,\"sensors\":{\"cdx\":\"776.0\",\"t10\":215,\"co2\":1}}".getBytes(StandardCharsets.UTF_8), NOW));
        assertThat(r.device().value()).isEqualTo("box-7");
        assertThat(r.time()).isEqualTo(Instant.ofEpochSecond(1728980130));
        assertThat(r.co2()).isEqualTo(776.0);
        assertThat(r.temperature()).isCloseTo(21.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "acme/+/telemetry | acme/box-7/telemetry       | true",
        "acme/+/telemetry | acme/box-7/telemetry/extra | false",
        "acme/+/telemetry | acme/telemetry             | false",
        "acme/#           | acme                       | true",
        "acme/#           | acme/a/b/c                 | true",
        "acme/#           | acmex/a                    | false",
        "#                | any/topic                  | true",
        "#                | $SYS/broker/load           | false",
        "+/box-7/+        | $share/box-7/x             | false",
        "ACME/+/telemetry | acme/box-7/telemetry       | false",
        // a mapping copied from a shared subscription: the message arrives with its own topic (issue 15)
        "$share/frischluft/acme/+/telemetry | acme/box-7/telemetry | true",
        "$share/frischluft/acme/+/telemetry | acme/box-7/other     | false",
    })
    void mappingsApplyByMqttTopicFilter(String filter, String topic, boolean mapped) {
        SourceMapping m = new SourceMapping("acme", filter, "/id", null, Map.of(Metric.CO2, SourceMapping.Field.of("/cdx")));
        PayloadDecoder d = new PayloadDecoder(new DecoderSettings(Map.of(), List.of(m), 65536, 32), CLOCK);
        // the unmapped route reads "co2", the mapping only "cdx": the reading says which one decided
        DecodeResult r = d.decode(topic, "{\"id\":\"box-7\",\"cdx\":600,\"co2\":900}".getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(only(r).co2()).isEqualTo(mapped ? 600.0 : 900.0);
    }

    @Test
    void aMappingWithAnInvalidTopicFilterIsRefusedWhenTheDecoderIsBuilt() {
        SourceMapping m = new SourceMapping("acme", "acme/#/telemetry", "topic:1", null,
                Map.of(Metric.CO2, SourceMapping.Field.of("/co2")));
        DecoderSettings s = new DecoderSettings(Map.of(), List.of(m), 65536, 32);
        assertThatThrownBy(() -> new PayloadDecoder(s, CLOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Source mapping \"acme\": Topic filter \"acme/#/telemetry\": '#'")
                .hasMessageContaining("must be the last level");
    }
}
