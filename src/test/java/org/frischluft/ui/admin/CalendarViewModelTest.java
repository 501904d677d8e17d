package org.frischluft.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.ui.admin.CalendarViewModel.HolidayField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aHolidayWithABadDateCannotBeAddedAndSaysWhy() throws Exception {
        CalendarViewModel vm = new CalendarViewModel(AdminFixtures.editor(dir), new AdminFixtures.Language(Locale.ENGLISH));
        vm.setHoliday(HolidayField.NAME, "Osterferien");
        vm.setHoliday(HolidayField.FROM, "30.02.2027");
        vm.setHoliday(HolidayField.TO, "2027-03-20");
        assertThat(vm.holidayProblems()).containsOnlyKeys(HolidayField.FROM);
        assertThat(vm.holidayProblems().get(HolidayField.FROM)).startsWith("\"30.02.2027\" is no date");
        assertThat(vm.canAddHoliday()).isFalse();
        vm.setHoliday(HolidayField.FROM, "2027-03-29");
        assertThat(vm.holidayProblems().get(HolidayField.TO)).isEqualTo("The end lies before the start.");
        vm.setHoliday(HolidayField.TO, "10.04.2027");
        assertThat(vm.canAddHoliday()).isTrue();
    }

    @Test
    void everyBadLessonLineIsListedAndNothingIsSaved() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        CalendarViewModel vm = new CalendarViewModel(editor, new AdminFixtures.Language(Locale.GERMAN));
        vm.setLessons("1 08:00-08:45\n2 8:50\n3 10:40-09:55\n1 11:00-11:45\n");
        assertThat(vm.lessonProblems()).containsExactly(
                "Zeile 2: „2 8:50“ ist nicht Name Beginn-Ende, z. B. „1 08:00-08:45“.",
                "Zeile 3: „3 10:40-09:55“ endet, bevor sie beginnt.",
                "Zeile 4: Stunde „1“ steht zweimal da.");
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.save()).hasSize(3);
        assertThat(editor.current().number()).isEqualTo(1);
    }

    @Test
    void holidaysLessonsAndStateAreSavedAsTheNextVersion() throws Exception {
        SchoolEditor editor = AdminFixtures.editor(dir);
        CalendarViewModel vm = new CalendarViewModel(editor, new AdminFixtures.Language(Locale.ENGLISH));
        vm.setHoliday(HolidayField.NAME, "Osterferien");
        vm.setHoliday(HolidayField.FROM, "29.03.2027");
        vm.setHoliday(HolidayField.TO, "2027-04-10");
        vm.addHoliday();
        vm.setHoliday(HolidayField.NAME, "Beweglicher Ferientag");
        vm.setHoliday(HolidayField.FROM, "2027-05-07");
        vm.addHoliday();
        vm.removeHoliday(vm.holidays().get(0)); // Weihnachtsferien
        vm.setLessons("1 08:00-08:45\n2 08:50-09:35\n3 09:55-10:40\n");
        vm.setState("HH");
        assertThat(vm.canSave()).isTrue();
        assertThat(vm.save()).isEmpty();
        assertThat(editor.current().number()).isEqualTo(2);
        SchoolCalendar c = SchoolFile.read(editor.catalog().file()).sites().get(0).calendar();
        assertThat(c.holidays()).containsExactly(new Holiday("Osterferien", LocalDate.of(2027, 3, 29), LocalDate.of(2027, 4, 10)),
                new Holiday("Beweglicher Ferientag", LocalDate.of(2027, 5, 7), LocalDate.of(2027, 5, 7)));
        assertThat(c.lessons()).hasSize(3);
        assertThat(c.state()).isEqualTo("HH");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void aMinistrysIcsFileAddsItsHolidays() throws Exception {
        CalendarViewModel vm = new CalendarViewModel(AdminFixtures.editor(dir), new AdminFixtures.Language(Locale.ENGLISH));
        Path ics = Files.writeString(dir.resolve("ferien.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:1@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270329",
                "DTEND;VALUE=DATE:20270411", "SUMMARY:Osterferien", "END:VEVENT", "END:VCALENDAR", ""));
        vm.importIcs(ics);
        assertThat(vm.status()).isEqualTo("1 holidays added from ferien.ics. Press Save to keep them.");
        assertThat(vm.holidays()).contains(new Holiday("Osterferien", LocalDate.of(2027, 3, 29), LocalDate.of(2027, 4, 10)));
        vm.importIcs(Files.writeString(dir.resolve("kaputt.ics"), "not a calendar"));
        assertThat(vm.alarm()).isTrue();
        assertThat(vm.status()).startsWith("kaputt.ics cannot be read as a calendar");
    }
}
