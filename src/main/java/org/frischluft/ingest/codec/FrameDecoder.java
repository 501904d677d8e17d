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
}
