package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokersViewModelTest {
    @TempDir
    Path dir;

    @Test
    void problemsStandAtTheirFieldAndABadEntryIsNotSaved() throws Exception {
        Path f = Files.writeString(dir.resolve("frischluft.properties"),
                "# the school's settings\nschool = school.json\nbroker.ttn.url = tcp://127.0.0.1:1883\nbroker.ttn.topics = v3/#\n");
        String before = Files.readString(f);
        BrokersViewModel vm = new BrokersViewModel(f, new AdminFixtures.Language(Locale.ENGLISH), null);
        assertThat(vm.entries()).hasSize(1);
        assertThat(vm.problems()).isEmpty();
        vm.set("url", "mqtt//nirgends");
        vm.set("qos", "7");
        assertThat(vm.problems()).containsKeys("url", "qos");
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.canTest()).isFalse();
        assertThat(vm.save()).isNotEmpty();
        assertThat(Files.readString(f)).isEqualTo(before);
    }

    @Test
    void aSaveWritesTheBrokersAndKeepsTheOtherLines() throws Exception {
        Path f = Files.writeString(dir.resolve("frischluft.properties"),
                "# the school's settings\nschool = school.json\nbroker.ttn.url = tcp://127.0.0.1:1883\nbroker.ttn.topics = v3/#\n");
        BrokersViewModel vm = new BrokersViewModel(f, new AdminFixtures.Language(Locale.GERMAN), null);
        vm.add();
        vm.set("id", "chirpstack");
        vm.set("url", "tcp://localhost:1884");
        vm.set("topics", "application/+/device/+/event/up");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canSave()).isTrue();
        assertThat(vm.save()).isEmpty();
        String text = Files.readString(f);
        assertThat(text).contains("# the school's settings", "school = school.json", "broker.ttn.url",
                "broker.chirpstack.url", "application/+/device/+/event/up");
        assertThat(vm.status()).isEqualTo("In frischluft.properties gespeichert; die übrigen Zeilen der Datei bleiben.");
        assertThat(new BrokersViewModel(f, new AdminFixtures.Language(Locale.GERMAN), null).entries()).hasSize(2);
    }

    @Test
    void aNameUsedTwiceIsSaidAtTheName() throws Exception {
        Path f = Files.writeString(dir.resolve("frischluft.properties"), "broker.a.url = tcp://h:1883\nbroker.a.topics = x/#\n");
        BrokersViewModel vm = new BrokersViewModel(f, new AdminFixtures.Language(Locale.ENGLISH), null);
        vm.add();
        vm.set("id", "a");
        assertThat(vm.problems()).containsKey("id");
        assertThat(vm.canSave()).isFalse();
    }
}
