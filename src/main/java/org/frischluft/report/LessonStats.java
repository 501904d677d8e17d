package org.frischluft.report;

import java.time.Duration;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCalendar.LessonTime;

/**
 * CO2 of one room in one lesson. The mean is weighted by time over the minutes with data; a lesson with less
 * than half its minutes of data is {@linkplain #complete() incomplete}: shown with its coverage, left out of the
 * shares of weeks and terms.
 *
 * @param meanPpm          time-weighted mean over the minutes with data; NaN without any
 * @param peakPpm          the highest value seen; NaN without data
 * @param minutesAbove1000 minutes with CO2 above 1000 ppm (UBA: conspicuous)
 * @param minutesAbove2000 minutes with CO2 above 2000 ppm (UBA: unacceptable)
 * @param minutesWithData  minutes of the lesson covered by readings
 */
public record LessonStats(RoomId room, LessonTime lesson, double meanPpm, double peakPpm, double minutesAbove1000,
                          double minutesAbove2000, double minutesWithData) {
    /** At least this share of a lesson's minutes must have data for its mean to count. */
    public static final double MIN_COVERAGE = 0.5;

    public double lessonMinutes() {
        return Duration.between(lesson.start(), lesson.end()).toMillis() / 60_000.0;
    }

    /** Share of the lesson with data, 0..100. */
    public double coveragePct() {
        return 100 * minutesWithData / lessonMinutes();
    }

    /** Enough data for the mean to stand for the lesson. */
    public boolean complete() {
        return minutesWithData >= MIN_COVERAGE * lessonMinutes();
    }

    public boolean hasData() {
        return minutesWithData > 0;
    }

    /** Percent of the lesson above 1000 ppm (of its length). */
    public double pctAbove1000() {
        return 100 * minutesAbove1000 / lessonMinutes();
    }

    public double pctAbove2000() {
        return 100 * minutesAbove2000 / lessonMinutes();
    }
}
