package org.frischluft.ingest.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.frischluft.ingest.codec.MilesightDecoder.Variant;
import org.frischluft.model.DeviceId;

/**
 * The sensor models Frischluft decodes itself when the network server forwarded bytes without a decoded
 * payload. {@link #id()} is what the school configuration names in {@code SensorConfig.model}; {@link #brand()}
 * and {@link #ttnModels()} are the TTN device repository's {@code version_ids.brand_id} / {@code model_id}.
 *
 * <table>
 * <caption>ids</caption>
 * <tr><th>id</th><th>TTN brand / model_id</th></tr>
 * <tr><td>elsys-ers-co2</td><td>elsys / ers-co2, ers-co2-lite, ers2-co2, ers-co2-lite-2, ers</td></tr>
 * <tr><td>milesight-am103</td><td>milesight-iot / am103, am103l</td></tr>
 * <tr><td>milesight-am307</td><td>milesight-iot / am307, am308</td></tr>
 * <tr><td>milesight-am319</td><td>milesight-iot / am319</td></tr>
 * <tr><td>milesight-em500-co2</td><td>milesight-iot / em500-co2</td></tr>
 * <tr><td>decentlab-dl-lp8p</td><td>decentlab / dl-lp8p</td></tr>
 * <tr><td>decentlab-dl-iam</td><td>decentlab / dl-iam</td></tr>
 * <tr><td>talkpool-oy1210</td><td>talkpool / oy1210</td></tr>
 * <tr><td>mclimate-co2-sensor</td><td>mclimate / co2-sensor, co2-display-lite</td></tr>
 * <tr><td>dragino-laq4</td><td>dragino / laq4</td></tr>
 * <tr><td>browan-tbhv110</td><td>browan / tbhv110</td></tr>
 * <tr><td>netvox-r72615a</td><td>netvox / r72615a, r72615</td></tr>
 * <tr><td>adeunis-comfort-co2</td><td>adeunis / comfort-co2</td></tr>
 * </table>
 */
public enum SensorModel {
    ELSYS_ERS_CO2("elsys-ers-co2", "elsys", Set.of("ers-co2", "ers-co2-lite", "ers2-co2", "ers-co2-lite-2", "ers"), new ElsysDecoder()),
    MILESIGHT_AM103("milesight-am103", "milesight-iot", Set.of("am103", "am103l"), new MilesightDecoder(Variant.AM103)),
    MILESIGHT_AM307("milesight-am307", "milesight-iot", Set.of("am307", "am308"), new MilesightDecoder(Variant.AM307)),
    MILESIGHT_AM319("milesight-am319", "milesight-iot", Set.of("am319"), new MilesightDecoder(Variant.AM319)),
    MILESIGHT_EM500_CO2("milesight-em500-co2", "milesight-iot", Set.of("em500-co2"), new MilesightDecoder(Variant.EM500_CO2)),
    DECENTLAB_DL_LP8P("decentlab-dl-lp8p", "decentlab", Set.of("dl-lp8p"), new DecentlabDecoder("dl-lp8p", DecentlabDecoder.LP8P)),
    DECENTLAB_DL_IAM("decentlab-dl-iam", "decentlab", Set.of("dl-iam"), new DecentlabDecoder("dl-iam", DecentlabDecoder.IAM)),
    TALKPOOL_OY1210("talkpool-oy1210", "talkpool", Set.of("oy1210"), new TalkpoolOy1210Decoder()),
    MCLIMATE_CO2_SENSOR("mclimate-co2-sensor", "mclimate", Set.of("co2-sensor", "co2-display-lite"), new MClimateCo2Decoder()),
    DRAGINO_LAQ4("dragino-laq4", "dragino", Set.of("laq4"), new DraginoLaq4Decoder()),
    BROWAN_TBHV110("browan-tbhv110", "browan", Set.of("tbhv110"), new BrowanTbhv110Decoder()),
    NETVOX_R72615A("netvox-r72615a", "netvox", Set.of("r72615a", "r72615"), new NetvoxR72615aDecoder()),
    ADEUNIS_COMFORT_CO2("adeunis-comfort-co2", "adeunis", Set.of("comfort-co2"), new AdeunisComfortCo2Decoder());

    private static final List<SensorModel> MILESIGHT_INFERENCE = List.of(MILESIGHT_EM500_CO2, MILESIGHT_AM319, MILESIGHT_AM307, MILESIGHT_AM103);

    private final String id;
    private final String brand;
    private final Set<String> ttnModels;
    private final FrameDecoder decoder;

    SensorModel(String id, String brand, Set<String> ttnModels, FrameDecoder decoder) {
        this.id = id;
        this.brand = brand;
        this.ttnModels = ttnModels;
        this.decoder = decoder;
    }

    /** Configuration id, e.g. {@code elsys-ers-co2}. */
    public String id() {
        return id;
    }

    /** TTN device repository brand id. */
    public String brand() {
        return brand;
    }

    /** TTN device repository model ids this decoder serves. */
    public Set<String> ttnModels() {
        return ttnModels;
    }

    public FrameDecoder decoder() {
        return decoder;
    }

    /** The model for a configuration id (case-insensitive; {@code _} and {@code -} are the same). */
    public static Optional<SensorModel> byId(String id) {
        if (id == null) return Optional.empty();
        String k = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(m -> m.id.equals(k)).findFirst();
    }

    /** The model for TTN's {@code version_ids.brand_id} and {@code model_id}. */
    public static Optional<SensorModel> byVersionIds(String brandId, String modelId) {
        if (brandId == null || modelId == null) return Optional.empty();
        for (SensorModel m : values()) {
            if (m.brand.equals(brandId) && m.ttnModels.contains(modelId)) return Optional.of(m);
        }
        return Optional.empty();
    }

    /**
     * Infers the model only where it is unambiguous: the DevEUI carries the vendor's IEEE OUI (Elsys
     * A81758, Milesight 24E124, Decentlab 70B3D57BA0) and the whole frame parses under that vendor's layout.
     * Among Milesight models the CO2 channel (0x05 for EM500-CO2, 0x07 for AM) and the first model whose
     * layout consumes the whole frame decide.
     */
    public static Optional<SensorModel> infer(DeviceId device, byte[] bytes, int fPort) {
        if (device == null || !device.isEui() || bytes == null || bytes.length == 0) return Optional.empty();
        String eui = device.value();
        List<SensorModel> candidates;
        if (eui.startsWith("a81758")) {
            candidates = List.of(ELSYS_ERS_CO2);
        } else if (eui.startsWith("24e124")) {
            candidates = MILESIGHT_INFERENCE;
        } else if (eui.startsWith("70b3d57ba")) {
            candidates = List.of(DECENTLAB_DL_LP8P, DECENTLAB_DL_IAM);
        } else {
            return Optional.empty();
        }
        for (SensorModel m : candidates) {
            try {
                Frame f = m.decoder.decode(bytes, fPort);
                if (!f.samples().get(0).values().isEmpty() || f.samples().size() > 1) return Optional.of(m);
            } catch (FrameException | RuntimeException e) {
                // not this layout
            }
        }
        return Optional.empty();
    }
}
