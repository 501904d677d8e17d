package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.model.RoomId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {
    @TempDir
    Path dir;

    static final String BAD = "Gebäude;Etage;Raum;Volumen (m³);Plätze\n"
            + "Neubau;EG;N 001;180;28\n"
            + "Neubau;EG;N 002;gross;28\n"
            + ";EG;N 003;100;zwanzig\n";

    @Test
    void aFileWithBadLinesListsEveryOneAndChangesNothing() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        String before = Files.readString(editor.catalog().file());
        Path rooms = Files.writeString(dir.resolve("rooms.csv"), BAD);
        ImportViewModel vm = new ImportViewModel(editor, new AdminFixtures.Language(Locale.ENGLISH));
        assertThat(vm.canCheck()).isFalse();
        vm.setRooms(rooms.toString());
        vm.check();
        assertThat(vm.lines()).contains("rooms.csv:3: volume \"gross\" is not a number",
                "rooms.csv:4: building is empty: every room needs its building.");
        assertThat(vm.lines()).anyMatch(l -> l.startsWith("rooms.csv:4: seats \"zwanzig\""));
        assertThat(vm.canImport()).isFalse();
        assertThat(vm.status()).startsWith("Nothing changed: 3 error(s).");
        vm.importNow();
        assertThat(editor.current().number()).isEqualTo(1);
        assertThat(Files.readString(editor.catalog().file())).isEqualTo(before);
    }

    @Test
    void aCleanFileIsImportedAsTheNextVersionOnlyAfterItsCheck() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        Path rooms = Files.writeString(dir.resolve("rooms.csv"), "Gebäude;Etage;Raum;Volumen (m³)\nNeubau;EG;N 001;180,5\n");
        ImportViewModel vm = new ImportViewModel(editor, new AdminFixtures.Language(Locale.GERMAN));
        vm.setRooms(rooms.toString());
        assertThat(vm.canImport()).isFalse();
        vm.check();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.canImport()).isTrue();
        assertThat(vm.status()).contains("1 Räume neu");
        vm.importNow();
        assertThat(editor.current().number()).isEqualTo(2);
        assertThat(editor.current().model().hasRoom(RoomId.of("N 001"))).isTrue();
        assertThat(vm.status()).startsWith("Importiert als Version 2");
        assertThat(vm.canImport()).isFalse();
    }

    @Test
    void aMissingFileIsSaidInWords() throws Exception {
        ImportViewModel vm = new ImportViewModel(AdminFixtures.editor(dir), new AdminFixtures.Language(Locale.ENGLISH));
        vm.setRooms(dir.resolve("nope.csv").toString());
        vm.check();
        assertThat(vm.lines()).singleElement().asString().startsWith("nope.csv: the file").contains("does not exist");
        assertThat(vm.canImport()).isFalse();
    }

    @Test
    void exportWritesBothTablesThatImportReadsBackUnchanged() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        ImportViewModel vm = new ImportViewModel(editor, new AdminFixtures.Language(Locale.GERMAN));
        Path out = Files.createDirectory(dir.resolve("out"));
        vm.export(out);
        vm.setRooms(out.resolve("rooms.csv").toString());
        vm.setSensors(out.resolve("sensors.csv").toString());
        vm.check();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.result().summary().nothingChanged()).isTrue();
        assertThat(vm.canImport()).isFalse();
    }
}
