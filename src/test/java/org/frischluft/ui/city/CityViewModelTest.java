package org.frischluft.ui.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.ui.common.RoomViewModel;
import org.junit.jupiter.api.Test;

class CityViewModelTest {
    private final CityFixture city = new CityFixture(4, Locale.GERMAN);
    private final CityViewModel vm = city.vm;

    @Test
    void aSiteOpensWithItsBuildingsAndFloorsAndBackReturnsToWhereItWasOpened() {
        vm.problemsOnlyProperty().set(true);
        vm.openSite(SiteId.of("s02-schule"));
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.SITE);
        assertThat(vm.groups()).extracting(CityViewModel.Group::title)
                .containsExactly("Hauptgebäude · EG", "Hauptgebäude · 1. OG", "Hauptgebäude · 2. OG", "Neubau · EG", "Neubau · 1. OG");
        assertThat(vm.groups().stream().mapToInt(g -> g.rooms().size()).sum()).isEqualTo(43);
        assertThat(vm.back()).isTrue();
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.PROBLEMS);
        assertThat(vm.back()).isTrue();
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.CITY);
        assertThat(vm.back()).isFalse();
    }

    @Test
    void theSearchFindsSitesBuildingsAndRoomsAndClearingItReturns() {
        vm.searchProperty().set("neubau");
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.SEARCH);
        assertThat(vm.hits()).hasSize(4).allSatisfy(h -> assertThat(h.kind()).isEqualTo(CityViewModel.Hit.Kind.BUILDING));
        vm.searchProperty().set("R 110");
        assertThat(vm.hits()).hasSize(4).allSatisfy(h -> assertThat(h.kind()).isEqualTo(CityViewModel.Hit.Kind.ROOM));
        RoomViewModel opened = vm.choose(vm.hits().get(2));
        assertThat(opened.id()).isEqualTo(RoomId.of("s03-r-110"));
        assertThat(opened.getCo2Text()).as("filled from the live state").endsWith("ppm").doesNotStartWith("–");
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.SITE);
        assertThat(vm.focusProperty().get()).isEqualTo(RoomId.of("s03-r-110"));
        vm.back();
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.SEARCH);
        vm.searchProperty().set("");
        assertThat(vm.page()).isEqualTo(CityViewModel.Page.CITY);
    }

    @Test
    void roomViewModelsLiveOnlyWhileHeld() {
        RoomViewModel a = vm.hold(RoomId.of("s01-r-101"));
        RoomViewModel again = vm.hold(RoomId.of("s01-r-101"));
        assertThat(again).isSameAs(a);
        assertThat(city.rooms.all()).hasSize(1);
        vm.release(RoomId.of("s01-r-101"));
        assertThat(city.rooms.get(RoomId.of("s01-r-101"))).isSameAs(a);
        vm.release(RoomId.of("s01-r-101"));
        assertThat(city.rooms.all()).isEmpty();
        assertThat(vm.hold(RoomId.of("no-such-room"))).isNull();
    }

    @Test
    void beforeAnyReadingASiteSaysItHasNoReadingsYetNotThatAllIsFine() {
        CityState first = CityAggregator.beforeAnyReading(city.school);
        vm.apply(first);
        SiteSummary s = vm.sites().get(0);
        assertThat(s.grey()).isEqualTo(s.rooms());
        assertThat(vm.worstText(s)).isEqualTo("Noch keine Werte");
        SiteSummary fine = new SiteSummary(SiteId.of("y"), "Schule Y", 10, 0, 0, 10, 0, 0, 0, 0, 0, null);
        assertThat(vm.worstText(fine)).isEqualTo("Alle Räume in Ordnung");
    }

    @Test
    void aSiteCardSaysItsCountsWorstRoomAndIssuesInWords() {
        SiteSummary s = new SiteSummary(SiteId.of("x"), "Schule X", 43, 2, 5, 34, 2, 0, 1, 2, 1,
                new RoomRef(RoomId.of("r"), "R 204 — 10a", SiteId.of("x"), "Schule X", "Hauptgebäude", "2. OG",
                        org.frischluft.model.Light.RED, 2140.0, null, false, false));
        assertThat(vm.countsText(s)).isEqualTo("2 rot · 5 gelb · 34 grün · 2 ohne Daten");
        assertThat(vm.worstText(s)).isEqualTo("Schlechtester Raum: R 204 — 10a, 2\u202F140 ppm");
        assertThat(vm.issuesText(s)).isEqualTo("1 Sensor stumm · 2 Batterien schwach · 1 Alarm offen");
    }
}
