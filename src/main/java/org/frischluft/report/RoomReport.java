package org.frischluft.report;

import java.util.List;
import org.frischluft.model.RoomId;

/** One room over a period: every lesson, each week, the whole period, and its Warnstufe-2 events. */
public record RoomReport(RoomId room, String roomName, List<LessonStats> lessons, List<PeriodSummary> weeks,
                         PeriodSummary term, List<Episode> episodes) {
    public RoomReport {
        lessons = List.copyOf(lessons);
        weeks = List.copyOf(weeks);
        episodes = List.copyOf(episodes);
    }
}
