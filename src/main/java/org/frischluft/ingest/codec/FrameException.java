package org.frischluft.ingest.codec;

/** A frame that does not follow its model's layout (too short, unknown channel, wrong port). */
public final class FrameException extends Exception {
    public FrameException(String message) {
        super(message, null, false, false);
    }
}
