package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;

/** Senders nobody configured: InfluxDB line protocol from DIY lights, Tasmota with two sensors, binary bodies. */
class UnconfiguredSourcesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final PayloadDecoder decoder = new PayloadDecoder(DecoderSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private DecodeResult decode(String topic, String body) {
        return decoder.decode(topic, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private Reading only(DecodeResult r) {
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(((DecodeResult.Decoded) r).readings()).hasSize(1);
        return ((DecodeResult.Decoded) r).readings().get(0);
    }

    @Test
    void influxLineProtocolFromADiyLightIsAReadingOfTheNamedDevice() {
        Reading r = only(decode("co2ampel/data", "co2ampel,name=Ampel_1 co2=967,temp=12.98,hum=73"));
        assertThat(r.device()).isEqualTo(DeviceId.of("Ampel_1"));
        assertThat(r.co2()).isEqualTo(967.0);
        assertThat(r.temperature()).isEqualTo(12.98);
        assertThat(r.humidity()).isEqualTo(73.0);
        assertThat(r.time()).isEqualTo(NOW);
    }

    @Test
    void lineProtocolIntegersTimestampsAndSeveralLines() {
        DecodeResult r = decode("lights", "air,device=r-101 co2=812i,rssi=-61i 1795950000000000000\n"
                + "air,device=r-102 co2=1450i,temperature=22.5");
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        var readings = ((DecodeResult.Decoded) r).readings();
        assertThat(readings).extracting(Reading::device).containsExactly(DeviceId.of("r-101"), DeviceId.of("r-102"));
        assertThat(readings.get(0).co2()).isEqualTo(812.0);
        assertThat(readings.get(0).time()).isEqualTo(Instant.ofEpochSecond(1_795_950_000L));
        assertThat(readings.get(1).temperature()).isEqualTo(22.5);
        assertThat(readings.get(1).time()).isEqualTo(NOW);
    }

    @Test
    void aLineWithoutTagsTakesTheTopicAsDeviceAndAPlainNumberIsStillAState() {
        assertThat(only(decode("schule/raum-7/co2", "co2 co2=700")).device()).isEqualTo(DeviceId.of("schule/raum-7/co2"));
        assertThat(decode("homeassistant/sensor/co2/state", "776")).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void tasmotaTakesTemperatureAndHumidityFromADedicatedSensorBesideAnMhz19b() {
        Reading r = only(decode("tele/klasse-5b/SENSOR", "{\"Time\":\"2026-11-23T10:00:00\",\"MHZ19B\":{\"Model\":\"B\","
                + "\"CarbonDioxide\":812,\"Temperature\":27.0},\"BME280\":{\"Temperature\":21.4,\"Humidity\":43.2,"
                + "\"Pressure\":1011.2},\"TempUnit\":\"C\"}"));
        assertThat(r.co2()).isEqualTo(812.0);
        assertThat(r.temperature()).as("the BME280's, not the CO2 cell's").isEqualTo(21.4);
        assertThat(r.humidity()).isEqualTo(43.2);

        Reading sht = only(decode("tele/klasse-5c/SENSOR", "{\"MHZ19B\":{\"CarbonDioxide\":900,\"Temperature\":28},"
                + "\"SHT3X\":{\"Temperature\":20.9,\"Humidity\":51.0}}"));
        assertThat(sht.temperature()).isEqualTo(20.9);
        assertThat(sht.humidity()).isEqualTo(51.0);
    }

    @Test
    void tasmotaKeepsAnScd30sOwnTemperatureAndHumidity() {
        Reading r = only(decode("tele/klasse-6a/SENSOR", "{\"SCD30\":{\"CarbonDioxide\":640,\"eCO2\":620,\"Temperature\":21.9,"
                + "\"Humidity\":44.1},\"BMP280\":{\"Temperature\":23.5,\"Pressure\":1010.1}}"));
        assertThat(r.temperature()).isEqualTo(21.9);
        assertThat(r.humidity()).isEqualTo(44.1);
    }

    @Test
    void aBinaryBodyOnAChirpStackJsonTopicIsARejectionNotAReading() {
        byte[] protobuf = {0x0a, 0x24, 0x37, 0x36, (byte) 0xc2, (byte) 0x80, 0x01, 0x12, (byte) 0xff, 0x00, 0x1a, 0x05};
        DecodeResult r = decoder.decode("application/7e6a9f3c/device/0101010101010101/event/up", protobuf, NOW);
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(((DecodeResult.Rejected) r).reason()).startsWith("binary-payload");
    }
}
