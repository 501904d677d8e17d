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
            candidates = List.of(SensorModel.ELSYS_ERS_CO2);
        } else if (eui.startsWith("24e124")) {
            candidates = MILESIGHT_INFERENCE;
        } else if (eui.startsWith("70b3d57ba")) {
            candidates = List.of(SensorModel.DECENTLAB_DL_LP8P, SensorModel.DECENTLAB_DL_IAM);
        } else {
            return Optional.empty();
        }
        for (SensorModel m : candidates) {
            try {
                Frame f = decoder(m).decode(bytes, fPort);
                if (!f.samples().get(0).values().isEmpty() || f.samples().size() > 1) return Optional.of(m);
            } catch (FrameException | RuntimeException e) {
                // not this layout
            }
        }
        return Optional.empty();
    }
}
