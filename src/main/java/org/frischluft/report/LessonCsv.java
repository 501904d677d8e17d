package org.frischluft.report;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lesson table as CSV: {@value #HEADER}. Date and times are local to the site's zone ({@code HH:mm});
 * mean and peak in whole ppm (empty without data), minutes to one decimal, coverage in whole percent.
 */
public final class LessonCsv {
    public static final String HEADER =
            "room,date,lesson,start,end,mean_co2_ppm,peak_co2_ppm,minutes_above_1000,minutes_above_2000,coverage_pct";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private LessonCsv() {
    }

    public static void header(Appendable out) throws IOException {
        out.append(HEADER).append('\n');
    }

    public static void row(LessonStats l, ZoneId zone, Appendable out) throws IOException {
        out.append(Csv.cell(l.room().value())).append(',')
                .append(l.lesson().date().toString()).append(',')
                .append(Csv.cell(l.lesson().lesson().name())).append(',')
                .append(HHMM.format(l.lesson().start().atZone(zone))).append(',')
                .append(HHMM.format(l.lesson().end().atZone(zone))).append(',')
                .append(Csv.ppm(l.meanPpm())).append(',')
                .append(Csv.ppm(l.peakPpm())).append(',')
                .append(Csv.one(l.minutesAbove1000())).append(',')
                .append(Csv.one(l.minutesAbove2000())).append(',')
                .append(Long.toString(Math.round(l.coveragePct()))).append('\n');
    }

    /** Small CSV helpers shared by the report's tables. */
    static final class Csv {
        private Csv() {
        }

        static String cell(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
            return '"' + s.replace("\"", "\"\"") + '"';
        }

        static String ppm(double v) {
            return Double.isNaN(v) ? "" : Long.toString(Math.round(v));
        }

        static String one(double v) {
            if (Double.isNaN(v)) return "";
            String s = String.format(Locale.ROOT, "%.1f", v);
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }

        static String two(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
        }
    }
}
