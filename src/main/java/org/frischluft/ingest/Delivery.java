package org.frischluft.ingest;

/**
 * What becomes of one received message, told back to the link it came from. A QoS-1 message from a persistent
 * session is acknowledged to the broker only after {@link #settled()}: its readings are committed, or it was
 * rejected or ignored and counted. {@link #lost()} says it could not be kept (a full inbox, a store that dropped
 * readings): the link then reconnects, so the broker delivers it again. Any thread; each at most once.
 */
public interface Delivery {
    /** The message is safe: stored, or counted as rejected or ignored. */
    void settled();

    /** The message could not be kept; it must come again. */
    void lost();

    /** For QoS 0 and messages made up in tests: nobody waits for an acknowledgement. */
    Delivery NONE = new Delivery() {
        @Override
        public void settled() {
        }

        @Override
        public void lost() {
        }

        @Override
        public String toString() {
            return "Delivery.NONE";
        }
    };
}
