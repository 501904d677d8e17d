package org.frischluft.admin.csv;

/** The columns of {@code sensors.csv}; see {@link RoomColumn} for how headers are matched. */
enum SensorColumn implements CsvTable.Column {
    DEVICE("Gerät", true, "device", "deveui", "eui", "geraet", "gerat", "geraeteid", "deviceid", "sensor", "sensorid"),
    ROOM("Raum", true, "room", "raum", "roomid", "raumid", "raumnummer"),
    MODEL("Modell", false, "model", "modell", "sensormodel", "typ", "type"),
    SINCE("seit", false, "since", "seit", "ab", "from"),
    BROKER("Broker", false, "broker");

    final ColumnSpec spec;

    SensorColumn(String german, boolean required, String english, String... more) {
        this.spec = ColumnSpec.of(german, required, english, more);
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }
}
