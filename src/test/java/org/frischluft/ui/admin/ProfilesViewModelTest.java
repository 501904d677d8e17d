package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.ui.admin.ProfilesViewModel.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aBuiltInProfileIsReadOnlyUntilCopied() throws Exception {
        ProfilesViewModel vm = new ProfilesViewModel(AdminFixtures.editor(dir), new AdminFixtures.Language(Locale.ENGLISH));
        assertThat(vm.selected().builtIn()).isTrue();
        assertThat(vm.editable()).isFalse();
        vm.set(Field.YELLOW, "900");
        assertThat(vm.value(Field.YELLOW)).isEqualTo("1000");
        assertThat(vm.canSave()).isFalse();
        vm.copyToEdit();
        assertThat(vm.editable()).isTrue();
        assertThat(vm.isNew()).isTrue();
        assertThat(vm.value(Field.ID)).isEqualTo("uba-own");
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void everyProblemOfTheFormIsSaidAtItsFieldAndNothingIsSaved() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        String before = Files.readString(editor.catalog().file());
        ProfilesViewModel vm = new ProfilesViewModel(editor, new AdminFixtures.Language(Locale.ENGLISH));
        vm.copyToEdit();
        vm.set(Field.ID, "komfort");
        vm.set(Field.YELLOW, "gross");
        vm.set(Field.RED, "300");
        vm.set(Field.HYSTERESIS, "60");
        assertThat(vm.problems()).containsOnlyKeys(Field.ID, Field.YELLOW, Field.RED, Field.HYSTERESIS);
        assertThat(vm.problems().get(Field.YELLOW)).isEqualTo("\"gross\" is not a number from 400 to 10000.");
        assertThat(vm.problems().get(Field.ID)).contains("built-in");
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.save()).hasSize(4);
        assertThat(editor.current().number()).isEqualTo(1);
        assertThat(Files.readString(editor.catalog().file())).isEqualTo(before);
        vm.set(Field.YELLOW, "1500");
        vm.set(Field.RED, "1200");
        assertThat(vm.problems().get(Field.RED)).isEqualTo("Red must start above yellow (1\u202F500 ppm).");
    }

    @Test
    void aSavedProfileIsTheNextVersionInTheSchoolFileAndRoomsNamingItFollowItsEdits() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        ProfilesViewModel vm = new ProfilesViewModel(editor, new AdminFixtures.Language(Locale.GERMAN));
        vm.copyToEdit();
        vm.set(Field.ID, "streng");
        vm.set(Field.NAME, "Streng (Grundschule)");
        vm.set(Field.YELLOW, "900");
        vm.set(Field.RED, "1500");
        vm.set(Field.BLUE, "600");
        vm.set(Field.HYSTERESIS, "7,5");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.save()).isEmpty();
        assertThat(editor.current().number()).isEqualTo(2);
        assertThat(vm.status()).isEqualTo("Gespeichert als Version 2.");
        Profile saved = SchoolFile.read(editor.catalog().file()).profile("streng").orElseThrow();
        assertThat(saved.yellowFrom()).isEqualTo(900);
        assertThat(saved.blueBelow()).isEqualTo(600);
        assertThat(saved.hysteresis()).isEqualTo(0.075);

        // a room names it (as the school file would), then the profile is edited: the room has the edited one
        RoomId room = editor.current().model().rooms().get(0).id();
        editor.save("room uses streng", m -> withRoomProfile(m, room, saved));
        assertThat(editor.current().model().profileOf(room).redFrom()).isEqualTo(1500);
        vm.select(vm.items().stream().filter(i -> i.profile().id().equals("streng")).findFirst().orElseThrow());
        assertThat(vm.editable()).isTrue();
        vm.set(Field.RED, "1400");
        assertThat(vm.save()).isEmpty();
        assertThat(editor.current().model().profileOf(room).redFrom()).isEqualTo(1400);
        assertThat(SchoolFile.read(editor.catalog().file()).profileOf(room).redFrom()).isEqualTo(1400);
    }

    private static org.frischluft.rooms.SchoolModel withRoomProfile(org.frischluft.rooms.SchoolModel m, RoomId id, Profile p) {
        var sites = m.sites().stream().map(s -> new org.frischluft.rooms.Site(s.id(), s.name(), s.calendar(), s.profile(),
                s.display(), s.comfort(), s.buildings().stream().map(b -> new org.frischluft.rooms.Building(b.id(), b.name(),
                b.floors().stream().map(f -> new org.frischluft.rooms.Floor(f.name(), f.order(), f.rooms().stream()
                        .map(r -> r.id().equals(id) ? new org.frischluft.rooms.Room(r.id(), r.name(), r.volumeM3(), r.seats(), p,
                                r.display(), r.sensors()) : r).toList())).toList())).toList(), s.kiosks())).toList();
        return new org.frischluft.rooms.SchoolModel(m.operator(), m.defaultProfile(), m.profiles(), m.mappings(), m.defaultModels(), sites);
    }
}
