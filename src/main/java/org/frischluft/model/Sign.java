package org.frischluft.model;

/** Secondary signs shown beside the light; they never change the CO2 colour. */
public enum Sign {
    /** Below 20 °C (ASR A3.5). */
    TOO_COLD,
    /** Above 26 °C (ASR A3.5). */
    TOO_WARM,
    /** Below 30 % relative humidity. */
    TOO_DRY,
    /** Above 65 % relative humidity. */
    TOO_HUMID,
    /** Sensor battery low. */
    LOW_BATTERY
}
