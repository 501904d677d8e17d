package org.frischluft.rooms;

/** A configuration that could not be read or is invalid; the message names the file and the problem. */
public final class ConfigException extends Exception {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}
