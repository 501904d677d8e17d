package org.frischluft.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LoRaWAN sensor models Frischluft knows (and decodes itself, in {@code ingest.codec}, when the network
 * server forwarded bytes without a decoded payload). {@link #id()} is what the school file names as a sensor's
 * {@code model}; {@link #brand()}
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
    ELSYS_ERS_CO2("elsys-ers-co2", "elsys", Set.of("ers-co2", "ers-co2-lite", "ers2-co2", "ers-co2-lite-2", "ers")),
    MILESIGHT_AM103("milesight-am103", "milesight-iot", Set.of("am103", "am103l")),
    MILESIGHT_AM307("milesight-am307", "milesight-iot", Set.of("am307", "am308")),
    MILESIGHT_AM319("milesight-am319", "milesight-iot", Set.of("am319")),
    MILESIGHT_EM500_CO2("milesight-em500-co2", "milesight-iot", Set.of("em500-co2")),
    DECENTLAB_DL_LP8P("decentlab-dl-lp8p", "decentlab", Set.of("dl-lp8p")),
    DECENTLAB_DL_IAM("decentlab-dl-iam", "decentlab", Set.of("dl-iam")),
    TALKPOOL_OY1210("talkpool-oy1210", "talkpool", Set.of("oy1210")),
    MCLIMATE_CO2_SENSOR("mclimate-co2-sensor", "mclimate", Set.of("co2-sensor", "co2-display-lite")),
    DRAGINO_LAQ4("dragino-laq4", "dragino", Set.of("laq4")),
    BROWAN_TBHV110("browan-tbhv110", "browan", Set.of("tbhv110")),
    NETVOX_R72615A("netvox-r72615a", "netvox", Set.of("r72615a", "r72615")),
    ADEUNIS_COMFORT_CO2("adeunis-comfort-co2", "adeunis", Set.of("comfort-co2"));

    private final String id;
    private final String brand;
    private final Set<String> ttnModels;

    SensorModel(String id, String brand, Set<String> ttnModels) {
        this.id = id;
        this.brand = brand;
        this.ttnModels = ttnModels;
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
}
