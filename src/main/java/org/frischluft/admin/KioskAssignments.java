package org.frischluft.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * Pure changes of the school model for the fleet: a kiosk paired with a room (its entry in its site's kiosks, added
 * or replaced), and a site-wide profile (the Infektionsschutz profile in flu season). Used through
 * {@link SchoolEditor#save} so the school file's rules check the result.
 */
public final class KioskAssignments {
    private KioskAssignments() {
    }

    /**
     * {@code kiosk} of {@code site} shows {@code room}; its display policy and language stay as they were (null:
     * the room's and the installation's).
     */
    public static SchoolModel assign(SchoolModel m, SiteId site, String kiosk, RoomId room, Locale language) {
        Objects.requireNonNull(kiosk, "kiosk");
        return mapSite(m, site, s -> {
            List<Kiosk> ks = new ArrayList<>();
            boolean found = false;
            for (Kiosk k : s.kiosks()) {
                if (k.id().equals(kiosk)) {
                    ks.add(new Kiosk(kiosk, room, k.display(), language != null ? language : k.language()));
                    found = true;
                } else {
                    ks.add(k);
                }
            }
            if (!found) ks.add(new Kiosk(kiosk, room, null, language));
            return new Site(s.id(), s.name(), s.calendar(), s.profile(), s.display(), s.comfort(), s.buildings(), ks);
        });
    }

    /** Every room of {@code site} without a profile of its own follows {@code profile}. */
    public static SchoolModel siteProfile(SchoolModel m, SiteId site, Profile profile) {
        return mapSite(m, site, s -> new Site(s.id(), s.name(), s.calendar(), profile, s.display(), s.comfort(),
                s.buildings(), s.kiosks()));
    }

    private static SchoolModel mapSite(SchoolModel m, SiteId site, java.util.function.UnaryOperator<Site> change) {
        if (m.site(site).isEmpty()) throw new IllegalArgumentException("the school has no site " + site);
        List<Site> sites = m.sites().stream().map(s -> s.id().equals(site) ? change.apply(s) : s).toList();
        return new SchoolModel(m.operator(), m.defaultProfile(), m.profiles(), m.mappings(), m.defaultModels(), sites);
    }
}
