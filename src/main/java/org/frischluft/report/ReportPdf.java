package org.frischluft.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.frischluft.report.SchoolReport.SiteReport;

/**
 * The printable report (A4, OpenPDF): per site a page with every room (shares, events, flags, a bar chart and the
 * air-change ranking), then per room a page with its term line, a chart of every lesson's mean and its weeks.
 * Drawn for print: black, greys and dashes, never colour alone; every state also in words. German or English.
 */
public final class ReportPdf {
    private static final float MARGIN = 40;
    /** A site's bar chart shows at most this many rooms (those with the highest share); the table lists all. */
    static final int CHART_ROOMS = 30;
    private final ResourceBundle texts;
    private final Locale locale;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter shortDates;
    private final BaseFont base;
    private final BaseFont bold;

    private ReportPdf(Locale locale) {
        this.locale = locale;
        this.texts = ResourceBundle.getBundle("org.frischluft.report.report", locale);
        boolean de = locale.getLanguage().equals("de");
        this.dates = DateTimeFormatter.ofPattern(de ? "dd.MM.yyyy" : "yyyy-MM-dd", locale);
        this.shortDates = DateTimeFormatter.ofPattern(de ? "dd.MM." : "MM-dd", locale);
        try {
            base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF base fonts", e);
        }
    }

    /**
     * Writes the report of days {@code from..to}.
     *
     * @param airChange the air-change estimates per site (same order as {@code sites}); an empty list leaves the
     *                  ranking out
     */
    public static void write(List<SiteReport> sites, List<List<AirChange.Estimate>> airChange, LocalDate from,
                             LocalDate to, Locale locale, OutputStream out) throws IOException {
        new ReportPdf(locale).render(sites, airChange, from, to, out);
    }

    private String t(String key, Object... args) {
        String s = texts.getString(key);
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }

    private Font font(float size, boolean strong) {
        return new Font(strong ? bold : base, size);
    }

    private void render(List<SiteReport> sites, List<List<AirChange.Estimate>> airChange, LocalDate from, LocalDate to,
                        OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    PdfContentByte cb = w.getDirectContent();
                    ColumnText ct = new ColumnText(cb);
                    ct.setSimpleColumn(MARGIN, 12, d.getPageSize().getWidth() - MARGIN - 50, MARGIN + 4);
                    ct.setLeading(8);
                    ct.addText(new Phrase(t("generated"), font(6.5f, false)));
                    try {
                        ct.go();
                    } catch (DocumentException e) {
                        throw new IllegalStateException(e);
                    }
                    ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(t("page", w.getPageNumber()), font(8, false)),
                            d.getPageSize().getWidth() - MARGIN, MARGIN - 20, 0);
                }
            });
            doc.addTitle(t("title"));
            doc.addCreator("Frischluft");
            doc.open();
            for (int i = 0; i < sites.size(); i++) {
                SiteReport site = sites.get(i);
                if (i > 0) doc.newPage();
                sitePage(doc, writer, site, i < airChange.size() ? airChange.get(i) : List.of(), from, to);
                for (RoomReport room : site.rooms()) {
                    doc.newPage();
                    roomPage(doc, writer, site, room, from, to);
                }
            }
            if (sites.isEmpty()) doc.add(new Paragraph(t("nodata"), font(12, false)));
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        }
    }

    private void heading(Document doc, String title, SiteReport site, LocalDate from, LocalDate to) throws DocumentException {
        Paragraph h = new Paragraph(title, font(17, true));
        doc.add(h);
        Paragraph sub = new Paragraph(t("title") + " · " + t("subtitle", site.site().name(), dates.format(from), dates.format(to)),
                font(10, false));
        sub.setSpacingAfter(8);
        doc.add(sub);
    }

    // ------------------------------------------------------------------------------------------------- site page

    private void sitePage(Document doc, PdfWriter writer, SiteReport site, List<AirChange.Estimate> air, LocalDate from,
                          LocalDate to) throws DocumentException {
        heading(doc, t("site.heading", site.site().name()), site, from, to);
        PdfPTable table = new PdfPTable(new float[] {3.0f, 1.2f, 1.2f, 1.5f, 1.5f, 1.5f, 3.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String k : List.of("col.room", "col.lessons", "col.complete", "col.above", "col.band", "col.w2", "col.flags")) {
            table.addCell(headCell(t(k)));
        }
        for (RoomReport r : site.rooms()) {
            PeriodSummary s = r.term();
            table.addCell(cell(r.roomName(), false));
            table.addCell(num(Integer.toString(s.lessons())));
            table.addCell(num(Integer.toString(s.complete())));
            table.addCell(num(pct(s.pctMeanAbove1000())));
            table.addCell(num(pct(s.pctMeanIn1000To2000())));
            table.addCell(num(Integer.toString(s.warnstufe2())));
            table.addCell(cell(flags(s), s.ventilationPlanNeeded() || s.warnstufe2Flag()));
        }
        doc.add(table);
        // bar chart of the share per room
        float chartHeight = 28 + 13f * Math.min(CHART_ROOMS, site.rooms().size());
        float top = writer.getVerticalPosition(true) - 14;
        if (top - chartHeight < MARGIN + 60) {
            doc.newPage();
            top = doc.getPageSize().getHeight() - MARGIN - 10;
        }
        shareChart(writer.getDirectContent(), site.rooms(), MARGIN, top - chartHeight, doc.getPageSize().getWidth() - 2 * MARGIN,
                chartHeight);
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(chartHeight + 6);
        doc.add(spacer);
        if (!air.isEmpty()) {
            Paragraph h = new Paragraph(t("airchange.heading"), font(12, true));
            h.setSpacingBefore(4);
            doc.add(h);
            Paragraph note = new Paragraph(t("airchange.note"), font(8, false));
            note.setSpacingAfter(4);
            doc.add(note);
            PdfPTable at = new PdfPTable(new float[] {3.2f, 2.4f, 2.2f, 1.2f, 1.6f, 1.6f});
            at.setWidthPercentage(100);
            at.setHeaderRows(1);
            for (String k : List.of("col.room", "col.closed", "col.aired", "col.events", "col.predicted", "col.verdict")) {
                at.addCell(headCell(t(k)));
            }
            for (AirChange.Estimate e : air) {
                at.addCell(cell(e.name(), false));
                at.addCell(num(Double.isNaN(e.closedPerH()) ? "–"
                        : two(e.closedPerH()) + " (" + two(e.closedLow()) + "–" + two(e.closedHigh()) + ")"));
                at.addCell(num(Double.isNaN(e.airedPerH()) ? "–"
                        : one(e.airedPerH()) + " (" + one(e.airedLow()) + "–" + one(e.airedHigh()) + ")"));
                at.addCell(num(e.closedEvents() + " + " + e.airedEvents()));
                at.addCell(num(e.known() ? Math.round(e.predictedMeanPpm()) + " ppm" : "–"));
                at.addCell(cell(t(!e.known() ? "verdict.unknown" : e.enough() ? "verdict.yes" : "verdict.no"), e.known() && !e.enough()));
            }
            doc.add(at);
        }
    }

    /** Horizontal bars, longest first; a dashed line at 25 % (the ASR A3.6 share of the plan flag). */
    private void shareChart(PdfContentByte cb, List<RoomReport> rooms, float x, float y, float w, float h) {
        List<RoomReport> sorted = new ArrayList<>(rooms);
        sorted.sort(Comparator.comparingDouble((RoomReport r) -> nz(r.term().pctMeanAbove1000())).reversed());
        boolean cut = sorted.size() > CHART_ROOMS;
        if (cut) sorted = sorted.subList(0, CHART_ROOMS);
        float labelW = 120;
        float plotX = x + labelW;
        float plotW = w - labelW - 30;
        float titleH = 16;
        text(cb, t("chart.share") + (cut ? " " + t("chart.top", CHART_ROOMS, rooms.size()) : ""), x, y + h - 10, 9, true,
                Element.ALIGN_LEFT);
        float rowH = Math.min(13, (h - titleH - 14) / Math.max(1, sorted.size()));
        float yTop = y + h - titleH - 4;
        // axis and grid
        cb.setLineWidth(0.4f);
        cb.setGrayStroke(0.6f);
        for (int p = 0; p <= 100; p += 25) {
            float gx = plotX + plotW * p / 100f;
            if (p == 25) {
                cb.setLineDash(3, 2, 0);
                cb.setGrayStroke(0f);
            }
            cb.moveTo(gx, yTop);
            cb.lineTo(gx, yTop - rowH * sorted.size());
            cb.stroke();
            cb.setLineDash(0);
            cb.setGrayStroke(0.6f);
            text(cb, p + " %", gx, yTop - rowH * sorted.size() - 9, 7, false, Element.ALIGN_CENTER);
        }
        for (int i = 0; i < sorted.size(); i++) {
            RoomReport r = sorted.get(i);
            float by = yTop - (i + 1) * rowH + 2;
            text(cb, r.roomName(), plotX - 4, by + 1, 7.5f, false, Element.ALIGN_RIGHT);
            double pct = r.term().pctMeanAbove1000();
            if (Double.isNaN(pct)) {
                text(cb, t("nodata"), plotX + 2, by + 1, 7, false, Element.ALIGN_LEFT);
                continue;
            }
            float bw = (float) (plotW * pct / 100);
            cb.setGrayFill(r.term().ventilationPlanNeeded() || r.term().warnstufe2Flag() ? 0.15f : 0.65f);
            cb.rectangle(plotX, by, Math.max(0.5f, bw), rowH - 4);
            cb.fill();
            cb.setGrayFill(0);
            text(cb, Math.round(pct) + " %", plotX + bw + 3, by + 1, 7, false, Element.ALIGN_LEFT);
        }
        cb.setGrayFill(0);
    }

    // ------------------------------------------------------------------------------------------------- room page

    private void roomPage(Document doc, PdfWriter writer, SiteReport site, RoomReport room, LocalDate from, LocalDate to)
            throws DocumentException {
        heading(doc, t("room.heading", room.roomName()), site, from, to);
        PeriodSummary s = room.term();
        Paragraph line = new Paragraph(t("term.line", s.lessons(), s.complete(), s.meanAbove1000(), s.warnstufe2(),
                s.weeksNeedingPlan(), s.weeks()), font(10, false));
        doc.add(line);
        String flags = flags(s);
        Paragraph f = new Paragraph(t("col.flags") + ": " + flags, font(11, s.ventilationPlanNeeded() || s.warnstufe2Flag()));
        f.setSpacingAfter(6);
        doc.add(f);
        float chartH = 190;
        float top = writer.getVerticalPosition(true) - 4;
        meansChart(writer.getDirectContent(), room, MARGIN, top - chartH, doc.getPageSize().getWidth() - 2 * MARGIN, chartH);
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(chartH);
        doc.add(spacer);
        PdfPTable weeks = new PdfPTable(new float[] {2.6f, 1.1f, 1.1f, 1.3f, 1.1f, 1.1f, 1.5f, 3.2f});
        weeks.setWidthPercentage(100);
        weeks.setHeaderRows(1);
        for (String k : List.of("col.week", "col.lessons", "col.complete", "col.above", "col.mean", "col.peak", "col.w2", "col.flags")) {
            weeks.addCell(headCell(t(k)));
        }
        for (PeriodSummary w : room.weeks()) {
            if (w.lessons() == 0) continue;
            weeks.addCell(cell(t("chart.week", w.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) + "  " + dates.format(w.from())
                    + "–" + shortDates.format(w.to()), false));
            weeks.addCell(num(Integer.toString(w.lessons())));
            weeks.addCell(num(Integer.toString(w.complete())));
            weeks.addCell(num(pct(w.pctMeanAbove1000())));
            weeks.addCell(num(ppm(w.meanPpm())));
            weeks.addCell(num(ppm(w.peakPpm())));
            weeks.addCell(num(Integer.toString(w.warnstufe2())));
            weeks.addCell(cell(flags(w), w.ventilationPlanNeeded() || w.warnstufe2Flag()));
        }
        doc.add(weeks);
        // the worst lessons
        List<LessonStats> worst = room.lessons().stream().filter(LessonStats::hasData)
                .sorted(Comparator.comparingDouble(LessonStats::meanPpm).reversed()).limit(8).toList();
        if (!worst.isEmpty()) {
            Paragraph h = new Paragraph(t("worst.heading"), font(11, true));
            h.setSpacingBefore(8);
            h.setSpacingAfter(3);
            doc.add(h);
            PdfPTable wt = new PdfPTable(new float[] {2.4f, 1.2f, 1.3f, 1.3f, 1.6f, 1.6f});
            wt.setWidthPercentage(100);
            wt.addCell(headCell(""));
            wt.addCell(headCell(t("col.lesson")));
            wt.addCell(headCell(t("col.mean")));
            wt.addCell(headCell(t("col.peak")));
            wt.addCell(headCell("> 1000 / > 2000"));
            wt.addCell(headCell(t("col.complete")));
            for (LessonStats l : worst) {
                wt.addCell(cell(dates.format(l.lesson().date()), false));
                wt.addCell(num(l.lesson().lesson().name()));
                wt.addCell(num(ppm(l.meanPpm())));
                wt.addCell(num(ppm(l.peakPpm())));
                wt.addCell(num(Math.round(l.minutesAbove1000()) + " / " + Math.round(l.minutesAbove2000()) + " min"));
                wt.addCell(num(Math.round(l.coveragePct()) + " %" + (l.complete() ? "" : " " + t("incomplete"))));
            }
            doc.add(wt);
        }
    }

    /** Each lesson's mean as a dot in time order; dashed lines at 1000 and 2000 ppm; week boundaries. */
    private void meansChart(PdfContentByte cb, RoomReport room, float x, float y, float w, float h) {
        text(cb, t("chart.means"), x, y + h - 9, 8.5f, true, Element.ALIGN_LEFT);
        float axisW = 34;
        float px = x + axisW;
        float pw = w - axisW - 4;
        float py = y + 14;
        float ph = h - 30;
        List<LessonStats> ls = room.lessons();
        double max = 2500;
        for (LessonStats l : ls) if (l.hasData()) max = Math.max(max, l.meanPpm());
        max = Math.ceil(max / 500) * 500;
        double min = 400;
        cb.setLineWidth(0.5f);
        cb.setGrayStroke(0);
        cb.rectangle(px, py, pw, ph);
        cb.stroke();
        for (double v = 500; v < max; v += 500) {
            float gy = (float) (py + ph * (v - min) / (max - min));
            boolean key = v == 1000 || v == 2000;
            cb.setLineWidth(key ? 0.9f : 0.3f);
            cb.setGrayStroke(key ? 0f : 0.8f);
            if (key) cb.setLineDash(4, 2, 0);
            cb.moveTo(px, gy);
            cb.lineTo(px + pw, gy);
            cb.stroke();
            cb.setLineDash(0);
            text(cb, Long.toString(Math.round(v)), px - 3, gy - 2.5f, 7, key, Element.ALIGN_RIGHT);
        }
        cb.setGrayStroke(0);
        int n = ls.size();
        if (n == 0) return;
        float step = pw / n;
        // week boundaries
        LocalDate weekOf = null;
        for (int i = 0; i < n; i++) {
            LocalDate d = ls.get(i).lesson().date();
            LocalDate monday = d.minusDays(d.getDayOfWeek().getValue() - 1);
            if (!monday.equals(weekOf)) {
                weekOf = monday;
                float gx = px + i * step;
                if (i > 0) {
                    cb.setLineWidth(0.3f);
                    cb.setGrayStroke(0.6f);
                    cb.moveTo(gx, py);
                    cb.lineTo(gx, py + ph);
                    cb.stroke();
                }
                if (n / Math.max(1, room.weeks().size()) * step > 22 || room.weeks().size() <= 14) {
                    text(cb, t("chart.week", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), gx + 2, py - 10, 6.5f, false,
                            Element.ALIGN_LEFT);
                }
            }
        }
        float r = Math.max(1.1f, Math.min(2.6f, step / 2.5f));
        cb.setGrayStroke(0);
        cb.setGrayFill(0);
        cb.setLineWidth(0.6f);
        for (int i = 0; i < n; i++) {
            LessonStats l = ls.get(i);
            if (!l.hasData()) continue;
            double v = Math.min(max, Math.max(min, l.meanPpm()));
            float cx = px + (i + 0.5f) * step;
            float cy = (float) (py + ph * (v - min) / (max - min));
            cb.circle(cx, cy, r);
            if (l.complete()) cb.fillStroke();
            else cb.stroke();
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String flags(PeriodSummary s) {
        List<String> out = new ArrayList<>();
        if (s.ventilationPlanNeeded()) out.add(t("flag.plan"));
        if (s.warnstufe2Flag()) out.add(t("flag.w2"));
        return out.isEmpty() ? t("flag.none") : String.join(" · ", out);
    }

    private void text(PdfContentByte cb, String s, float x, float y, float size, boolean strong, int align) {
        ColumnText.showTextAligned(cb, align, new Phrase(s, font(size, strong)), x, y, 0);
    }

    private PdfPCell headCell(String s) {
        PdfPCell c = new PdfPCell(new Phrase(s, font(8, true)));
        c.setGrayFill(0.88f);
        c.setPadding(3);
        c.setBorderWidth(0.4f);
        return c;
    }

    private PdfPCell cell(String s, boolean strong) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(s, font(8.5f, strong))));
        c.setPadding(3);
        c.setBorderWidth(0.4f);
        return c;
    }

    private PdfPCell num(String s) {
        PdfPCell c = cell(s, false);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? -1 : v;
    }

    private String pct(double v) {
        return Double.isNaN(v) ? "–" : Math.round(v) + " %";
    }

    private static String ppm(double v) {
        return Double.isNaN(v) ? "–" : Long.toString(Math.round(v));
    }

    private String two(double v) {
        return String.format(locale, "%.2f", v);
    }

    private String one(double v) {
        return String.format(locale, "%.1f", v);
    }

}
