package org.frischluft.ingest.codec;

import org.frischluft.model.SensorModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.junit.jupiter.api.Test;

/** The byte decoders reproduce the vendors' codec examples (TheThingsNetwork/lorawan-devices, FORMATS.md §4). */
class VendorExamplesTest {
    static Map<Metric, Double> current(SensorModel m, String hex, int port) throws FrameException {
        return Codecs.decoder(m).decode(HexFormat.of().parseHex(hex), port).samples().get(0).values();
    }

    static void expect(Map<Metric, Double> v, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            Metric m = (Metric) pairs[i];
            assertThat(v).as(m.name()).containsKey(m);
            assertThat(v.get(m)).as(m.name()).isCloseTo(((Number) pairs[i + 1]).doubleValue(), within(0.01));
        }
    }

    @Test
    void elsysErsCo2ExampleGives776Ppm() throws Exception {
        expect(current(SensorModel.ELSYS_ERS_CO2, "0100e202290400270506060308", 1),
                Metric.TEMPERATURE, 22.6, Metric.HUMIDITY, 41, Metric.LIGHT_LUX, 39, Metric.CO2, 776);
        expect(current(SensorModel.ELSYS_ERS_CO2, "0100e202290400270506060308070d62", 85), Metric.BATTERY_V, 3.426);
    }

    @Test
    void milesightAm103Am307Am319AndEm500Examples() throws Exception {
        expect(current(SensorModel.MILESIGHT_AM103, "01755c03673401046865077de704", 85),
                Metric.BATTERY_PCT, 92, Metric.TEMPERATURE, 30.8, Metric.HUMIDITY, 50.5, Metric.CO2, 1255);
        expect(current(SensorModel.MILESIGHT_AM307, "077de704087d070009733f27", 85), Metric.CO2, 1255, Metric.PRESSURE, 1004.7);
        expect(current(SensorModel.MILESIGHT_AM319, "0367340104686505000106cb02077da803087d2500097366270a7d04000b7d20000c7d3000", 85),
                Metric.TEMPERATURE, 30.8, Metric.HUMIDITY, 50.5, Metric.CO2, 936, Metric.PRESSURE, 1008.6);
        expect(current(SensorModel.MILESIGHT_EM500_CO2, "01755c03673401046865057d670406736827", 85),
                Metric.BATTERY_PCT, 92, Metric.CO2, 1127, Metric.PRESSURE, 1008.8);
    }

    @Test
    void milesightHistoryRecordBecomesAnOlderSampleWithItsTimestamp() throws Exception {
        // AM103 example followed by one 20 CE record: ts 0x65000000, 22.0 °C, 45 %, 800 ppm
        Frame f = Codecs.decoder(SensorModel.MILESIGHT_AM103).decode(
                HexFormat.of().parseHex("077de70420ce00000065dc005a2003"), 85);
        assertThat(f.samples()).hasSize(2);
        Frame.Sample h = f.samples().get(1);
        assertThat(h.timeFor(Instant.EPOCH)).isEqualTo(Instant.ofEpochSecond(0x65000000L));
        expect(h.values(), Metric.TEMPERATURE, 22.0, Metric.HUMIDITY, 45, Metric.CO2, 800);
    }

    @Test
    void decentlabLp8pAndIamExamples() throws Exception {
        expect(current(SensorModel.DECENTLAB_DL_LP8P, "020578000f67bd618d1cedbd1081d981f4895b0bd80bb50000959895390c25", 1),
                Metric.CO2, 473, Metric.TEMPERATURE, 24.3566, Metric.HUMIDITY, 41.632, Metric.PRESSURE, 968.0, Metric.BATTERY_V, 3.109);
        expect(current(SensorModel.DECENTLAB_DL_IAM, "020bbd007f0b926a515d48bc4e0262006981c7000093d4000b0111", 1),
                Metric.CO2, 455, Metric.TEMPERATURE, 27.678, Metric.HUMIDITY, 36.4385, Metric.PRESSURE, 964.12,
                Metric.TVOC, 273, Metric.LIGHT_LUX, 678.765, Metric.BATTERY_V, 2.962);
        assertThat(current(SensorModel.DECENTLAB_DL_LP8P, "02057800080c25", 1)).containsOnlyKeys(Metric.BATTERY_V);
    }

    @Test
    void talkpoolMclimateDraginoBrowanNetvoxExamples() throws Exception {
        expect(current(SensorModel.TALKPOOL_OY1210, "3e441d021b", 2), Metric.CO2, 539, Metric.HUMIDITY, 85.1, Metric.TEMPERATURE, 19.3);
        expect(current(SensorModel.MCLIMATE_CO2_SENSOR, "010271027384ed", 2),
                Metric.CO2, 625, Metric.TEMPERATURE, 22.7, Metric.HUMIDITY, 51.56, Metric.BATTERY_V, 3.5);
        expect(current(SensorModel.DRAGINO_LAQ4, "0d07050012020b00fb01b3", 2),
                Metric.BATTERY_V, 3.335, Metric.TVOC, 18, Metric.CO2, 523, Metric.TEMPERATURE, 25.1, Metric.HUMIDITY, 43.5);
        expect(current(SensorModel.BROWAN_TBHV110, "610b351ebf0301005100 36".replace(" ", ""), 103),
                Metric.CO2, 959, Metric.TEMPERATURE, 22, Metric.HUMIDITY, 30, Metric.BATTERY_V, 3.6);
        Frame netvox = Codecs.decoder(SensorModel.NETVOX_R72615A).decode(HexFormat.of().parseHex("010907481388ffffffff00"), 6);
        expect(netvox.samples().get(0).values(), Metric.CO2, 500);
    }

    @Test
    void adeunisComfortCo2ExampleGivesNewestAndOneOlderSample() throws Exception {
        Frame f = Codecs.decoder(SensorModel.ADEUNIS_COMFORT_CO2).decode(HexFormat.of().parseHex("6a8001b33e01a401b43f01a5"), 1);
        expect(f.samples().get(0).values(), Metric.TEMPERATURE, 43.5, Metric.HUMIDITY, 62, Metric.CO2, 420);
        Frame.Sample older = f.samples().get(1);
        expect(older.values(), Metric.TEMPERATURE, 43.6, Metric.HUMIDITY, 63, Metric.CO2, 421);
        Instant now = Instant.parse("2024-10-15T08:00:00Z");
        assertThat(older.timeFor(now)).isEqualTo(now.minusSeconds(AdeunisComfortCo2Decoder.SAMPLE_PERIOD_S));
    }

    @Test
    void truncatedFramesAreFrameExceptionsNotRuntimeErrors() {
        for (SensorModel m : SensorModel.values()) {
            assertThatThrownBy(() -> Codecs.decoder(m).decode(new byte[] {0x01}, 2)).as(m.id()).isInstanceOf(FrameException.class);
        }
    }

    @Test
    void modelIsInferredFromVendorOuiAndAFrameThatParses() {
        byte[] elsys = HexFormat.of().parseHex("0100e2022906ffff");
        assertThat(Codecs.infer(DeviceId.of("a81758fffe04c1d2"), elsys, 5).model()).isEqualTo(SensorModel.ELSYS_ERS_CO2);
        assertThat(Codecs.infer(DeviceId.of("a81758fffe04c1d2"), new byte[] {(byte) 0xAA}, 5).model()).isNull();
        byte[] em500 = HexFormat.of().parseHex("01755c03673401046865057d670406736827");
        assertThat(Codecs.infer(DeviceId.of("24e124136b298765"), em500, 85).model()).isEqualTo(SensorModel.MILESIGHT_EM500_CO2);
        assertThat(SensorModel.byVersionIds("milesight-iot", "am319")).contains(SensorModel.MILESIGHT_AM319);
        assertThat(SensorModel.byId("ELSYS_ERS_CO2")).contains(SensorModel.ELSYS_ERS_CO2);
    }
}
