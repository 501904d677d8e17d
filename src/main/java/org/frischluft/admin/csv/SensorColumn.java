package org.frischluft.admin.csv;

import java.util.List;

/** The columns of {@code sensors.csv}; see {@link RoomColumn} for how headers are matched. */
enum SensorColumn implements CsvTable.Column {
    DEVICE("Gerät", true, "device", "deveui", "eui", "geraet", "gerat", "geraeteid", "deviceid", "sensor", "sensorid"),
    ROOM("Raum", true, "room", "raum", "roomid", "raumid", "raumnummer"),
    MODEL("Modell", false, "model", "modell", "sensormodel", "typ", "type"),
    SINCE("seit", false, "since", "seit", "ab", "from"),
    BROKER("Broker", false, "broker");

    final String english;
    final String german;
    private final boolean required;
    private final List<String> aliases;

    SensorColumn(String german, boolean required, String english, String... more) {
        this.english = english;
        this.german = german;
        this.required = required;
        List<String> all = new java.util.ArrayList<>();
        all.add(CsvTable.normalise(english));
        for (String m : more) all.add(CsvTable.normalise(m));
        this.aliases = List.copyOf(all);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public String label() {
        return english.equals(german) ? english : english + " / " + german;
    }

    @Override
    public boolean required() {
        return required;
    }
}
