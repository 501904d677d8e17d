package org.frischluft.fleet;

import org.frischluft.model.SiteId;

/** The fleet's MQTT topics; none of them ever reaches the payload decoder. */
public final class FleetTopics {
    private FleetTopics() {
    }

    /** The site's signed configuration, retained. */
    public static String config(SiteId site) {
        return "frischluft/" + site.value() + "/config";
    }

    /** One kiosk's status, retained; its last will is {@code offline}. */
    public static String status(SiteId site, String kiosk) {
        return "frischluft/" + site.value() + "/kiosk/" + kiosk + "/status";
    }

    public static String allStatus(SiteId site) {
        return "frischluft/" + site.value() + "/kiosk/+/status";
    }

    /** The kiosk id of a status topic, or null. */
    static String kioskOf(String topic) {
        String[] p = topic.split("/");
        return p.length == 5 && p[0].equals("frischluft") && p[2].equals("kiosk") && p[4].equals("status") ? p[3] : null;
    }
}
