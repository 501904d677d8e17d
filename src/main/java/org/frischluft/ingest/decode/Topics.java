package org.frischluft.ingest.decode;

/** What the formats read from a topic name. */
final class Topics {
    private Topics() {
    }

    /** TTN's application id from {@code v3/{application}@{tenant}/devices/…}, or null. */
    static String ttnApplication(String topic) {
        if (topic == null || !topic.startsWith("v3/")) return null;
        int end = topic.indexOf('/', 3);
        String app = end < 0 ? topic.substring(3) : topic.substring(3, end);
        int at = app.indexOf('@');
        if (at >= 0) app = app.substring(0, at);
        return app.isEmpty() ? null : app;
    }

    static String lastLevel(String topic) {
        int i = topic.lastIndexOf('/');
        return i < 0 ? topic : topic.substring(i + 1);
    }

    /** ChirpStack's {@code .../event/up} -> {@code up}; null without an {@code /event/} level. */
    static String eventOf(String topic) {
        int i = topic.lastIndexOf("/event/");
        return i < 0 ? null : topic.substring(i + 7);
    }

    /** The level after {@code device} ({@code application/1/device/0101.../event/up}), or null. */
    static String deviceFromTopic(String topic) {
        String[] l = topic.split("/");
        for (int i = 0; i + 1 < l.length; i++) {
            if (l[i].equals("device")) return l[i + 1];
        }
        return null;
    }

    static String stripSlashes(String topic) {
        int a = 0;
        int b = topic.length();
        while (a < b && topic.charAt(a) == '/') a++;
        while (b > a && topic.charAt(b - 1) == '/') b--;
        return topic.substring(a, b);
    }
}
