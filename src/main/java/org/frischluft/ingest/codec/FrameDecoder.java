package org.frischluft.ingest.codec;

/** Decodes the application payload (FRMPayload) of one sensor model. Stateless and thread-safe. */
@FunctionalInterface
public interface FrameDecoder {
    /**
     * @param bytes the decrypted FRMPayload
     * @param fPort the LoRaWAN port, or -1 when the envelope did not say
     * @throws FrameException when the bytes do not follow the model's layout
     */
    Frame decode(byte[] bytes, int fPort) throws FrameException;

    /**
     * Whether a frame this decoder accepted was read to its last byte. Decoders that read a fixed record out of a
     * longer frame (and skip the rest) say no for anything else; the others refuse leftovers in {@link #decode}.
     * Inferring a model from the frame alone accepts only whole frames.
     */
    default boolean readsWhole(byte[] bytes, int fPort) {
        return true;
    }
}
