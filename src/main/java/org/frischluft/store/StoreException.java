package org.frischluft.store;

/** The history store could not be opened or could not finish an operation; the message says why in words. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
