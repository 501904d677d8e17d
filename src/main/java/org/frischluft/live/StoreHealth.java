package org.frischluft.live;

/**
 * Whether history is being written, as the screens show it. The live view keeps working whatever this says.
 *
 * @param detail human-readable cause, e.g. "disk full" (empty when OK)
 */
public record StoreHealth(State state, String detail) {
    public enum State { OK, READ_ONLY, DISK_FULL, FAILING }

    public static final StoreHealth OK = new StoreHealth(State.OK, "");

    public StoreHealth {
        detail = detail == null ? "" : detail;
    }
}
