package org.frischluft.ingest.codec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frischluft.ingest.codec.MilesightDecoder.Variant;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;

/** The byte decoder of each {@link SensorModel}, and the inference of a model from a DevEUI and its frame. */
public final class Codecs {
    private static final Map<SensorModel, FrameDecoder> DECODERS = new EnumMap<>(SensorModel.class);
    private static final List<SensorModel> MILESIGHT_INFERENCE = List.of(SensorModel.MILESIGHT_EM500_CO2,
            SensorModel.MILESIGHT_AM319, SensorModel.MILESIGHT_AM307, SensorModel.MILESIGHT_AM103);

    static {
        DECODERS.put(SensorModel.ELSYS_ERS_CO2, new ElsysDecoder());
        DECODERS.put(SensorModel.MILESIGHT_AM103, new MilesightDecoder(Variant.AM103));
        DECODERS.put(SensorModel.MILESIGHT_AM307, new MilesightDecoder(Variant.AM307));
        DECODERS.put(SensorModel.MILESIGHT_AM319, new MilesightDecoder(Variant.AM319));
        DECODERS.put(SensorModel.MILESIGHT_EM500_CO2, new MilesightDecoder(Variant.EM500_CO2));
        DECODERS.put(SensorModel.DECENTLAB_DL_LP8P, new DecentlabDecoder("dl-lp8p", DecentlabDecoder.LP8P));
        DECODERS.put(SensorModel.DECENTLAB_DL_IAM, new DecentlabDecoder("dl-iam", DecentlabDecoder.IAM));
        DECODERS.put(SensorModel.TALKPOOL_OY1210, new TalkpoolOy1210Decoder());
        DECODERS.put(SensorModel.MCLIMATE_CO2_SENSOR, new MClimateCo2Decoder());
        DECODERS.put(SensorModel.DRAGINO_LAQ4, new DraginoLaq4Decoder());
        DECODERS.put(SensorModel.BROWAN_TBHV110, new BrowanTbhv110Decoder());
        DECODERS.put(SensorModel.NETVOX_R72615A, new NetvoxR72615aDecoder());
        DECODERS.put(SensorModel.ADEUNIS_COMFORT_CO2, new AdeunisComfortCo2Decoder());
        for (SensorModel m : SensorModel.values()) {
            if (!DECODERS.containsKey(m)) throw new ExceptionInInitializerError("no decoder for " + m);
        }
    }

    private Codecs() {
    }

    /** The decoder of {@code model}'s frames. */
    public static FrameDecoder decoder(SensorModel model) {
        return DECODERS.get(model);
    }

    /** What {@link #infer} found: a model and how ({@code oui}, {@code frame}), or the models that fit equally well. */
    public record Inference(SensorModel model, String source, List<String> candidates) {
        static Inference none(List<String> candidates) {
            return new Inference(null, null, List.copyOf(candidates));
        }
    }

    /** IEEE OUIs (and MA-S blocks) of the vendors whose models Frischluft decodes, with that vendor's models. */
    private static final Map<String, List<SensorModel>> OUI = new java.util.LinkedHashMap<>();

    static {
        OUI.put("a81758", List.of(SensorModel.ELSYS_ERS_CO2));
        OUI.put("24e124", MILESIGHT_INFERENCE);
        OUI.put("70b3d57ba", List.of(SensorModel.DECENTLAB_DL_LP8P, SensorModel.DECENTLAB_DL_IAM));
        OUI.put("70b3d52dd3", List.of(SensorModel.MCLIMATE_CO2_SENSOR));
        OUI.put("a84041", List.of(SensorModel.DRAGINO_LAQ4));
        OUI.put("00137a", List.of(SensorModel.NETVOX_R72615A));
        OUI.put("58a0cb", List.of(SensorModel.BROWAN_TBHV110));
        OUI.put("0018b2", List.of(SensorModel.ADEUNIS_COMFORT_CO2));
    }

    /**
     * The model a ChirpStack device profile's name names: the model's Frischluft id ("milesight-am319"), or its
     * vendor and one of its model names ("Milesight AM319", "Elsys ERS CO2 Lite"), the longest match winning; a tie
     * or no match names none.
     */
    public static Optional<SensorModel> byProfileName(String profileName) {
        if (profileName == null || profileName.isBlank()) return Optional.empty();
        String norm = squash(profileName);
        SensorModel found = null;
        int foundLength = 0;
        boolean tie = false;
        for (SensorModel m : SensorModel.values()) {
            int best = norm.contains(squash(m.id())) ? 100 : 0;
            if (best == 0 && norm.contains(squash(m.brand().split("-")[0]))) {
                for (String name : m.ttnModels()) {
                    String n = squash(name);
                    if (n.length() >= 3 && norm.contains(n)) best = Math.max(best, n.length());
                }
            }
            if (best == 0) continue;
            if (best > foundLength) {
                found = m;
                foundLength = best;
                tie = false;
            } else if (best == foundLength && m != found) {
                tie = true;
            }
        }
        return tie || found == null ? Optional.empty() : Optional.of(found);
    }

    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Infers the model only where it is unambiguous. First the DevEUI's vendor (IEEE OUI: Elsys A81758, Milesight
     * 24E124, Decentlab 70B3D57BA, MClimate 70B3D52DD3, Dragino A84041, Netvox 00137A, Browan 58A0CB, Adeunis
     * 0018B2), whose first model that reads the whole frame plausibly wins ({@code oui}). Failing that the frame
     * itself: every codec is tried, and one is accepted only when it reads the whole frame with every field known
     * and every value plausible, a CO2 value among them, and no other codec does ({@code frame}); when several do,
     * none is chosen and they are named.
     */
    public static Inference infer(DeviceId device, byte[] bytes, int fPort) {
        if (bytes == null || bytes.length == 0) return Inference.none(List.of());
        if (device != null && device.isEui()) {
            String eui = device.value();
            for (Map.Entry<String, List<SensorModel>> e : OUI.entrySet()) {
                if (!eui.startsWith(e.getKey())) continue;
                for (SensorModel m : e.getValue()) {
                    if (readsPlausibly(m, bytes, fPort, false)) return new Inference(m, "oui", List.of(m.id()));
                }
            }
        }
        List<SensorModel> fits = new java.util.ArrayList<>();
        for (SensorModel m : SensorModel.values()) {
            if (readsPlausibly(m, bytes, fPort, true)) fits.add(m);
        }
        if (fits.size() == 1) return new Inference(fits.get(0), "frame", List.of(fits.get(0).id()));
        return Inference.none(fits.stream().map(SensorModel::id).toList());
    }

    /** The frame parses under {@code m}'s layout (which refuses unknown fields and bytes left over) and holds values. */
    private static boolean readsPlausibly(SensorModel m, byte[] bytes, int fPort, boolean strict) {
        Frame f;
        try {
            f = decoder(m).decode(bytes, fPort);
        } catch (FrameException | RuntimeException e) {
            return false; // not this layout
        }
        Frame.Sample now = f.samples().get(0);
        if (strict && !decoder(m).readsWhole(bytes, fPort)) return false;
        if (!strict) return !now.values().isEmpty() || f.samples().size() > 1;
        if (!f.invalid().isEmpty()) return false;
        if (!now.values().containsKey(org.frischluft.model.Metric.CO2)) return false;
        for (Frame.Sample s : f.samples()) {
            for (Map.Entry<org.frischluft.model.Metric, Double> v : s.values().entrySet()) {
                if (v.getValue() == null || !v.getKey().isPlausible(v.getValue())) return false;
            }
        }
        return true;
    }
}
