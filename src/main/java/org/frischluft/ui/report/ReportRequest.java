package org.frischluft.ui.report;

import java.time.LocalDate;
import java.util.Objects;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;

/** What the report view asks for: a site's rooms (or one room) over days {@code from..to}. */
public record ReportRequest(SiteId site, LocalDate from, LocalDate to, RoomId room) {
    public ReportRequest {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
