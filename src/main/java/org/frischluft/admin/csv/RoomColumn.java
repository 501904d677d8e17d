package org.frischluft.admin.csv;

/**
 * The columns of {@code rooms.csv}. The first alias is the English header {@code config export} writes, {@link #german}
 * the German one; every alias is accepted on import, in any case, with or without spaces, hyphens, umlauts or a unit
 * in brackets ("Volumen (m³)").
 */
enum RoomColumn implements CsvTable.Column {
    SITE("Standort", false, "site", "standort", "schule", "school"),
    BUILDING("Gebäude", true, "building", "gebaeude", "gebaude", "haus"),
    FLOOR("Etage", true, "floor", "etage", "stockwerk", "geschoss", "level"),
    FLOOR_ORDER("Etagen-Nr.", false, "floor order", "etagennr", "etagennummer", "stockwerknr", "reihenfolge", "floorno", "order"),
    ID("Raum-ID", false, "room id", "raumid", "raumnummer", "raumnr", "roomnumber", "roomno", "id"),
    NAME("Raum", true, "name", "raum", "room", "roomname", "raumname", "bezeichnung"),
    VOLUME("Volumen (m³)", false, "volume m3", "volume", "volumen", "volumenm3", "raumvolumen", "raumvolumenm3", "m3"),
    SEATS("Plätze", false, "seats", "plaetze", "platze", "sitzplaetze", "sitzplatze", "places"),
    PROFILE("Profil", false, "profile", "profil"),
    DISPLAY("Anzeige", false, "display", "anzeige");

    final ColumnSpec spec;

    RoomColumn(String german, boolean required, String english, String... more) {
        this.spec = ColumnSpec.of(german, required, english, more);
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }
}
