package org.frischluft.ui.room;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.frischluft.rooms.Profile;
import org.frischluft.ui.common.Messages;

/**
 * The CO2 line over time with the room's thresholds behind it: a yellow band from "ventilate soon" to
 * "ventilate now", a red band above, and a labelled line at each threshold, so a glance tells how often and
 * how long the line was in which band. X is hours since the plan's start, labelled in the school's zone;
 * a gap in the readings (longer than three chart points and 20 minutes) breaks the line instead of bridging
 * it. Colours come from {@code theme.css} (style classes {@code threshold-band}, {@code threshold-line}).
 */
final class ThresholdChart extends LineChart<Number, Number> {
    private static final Duration MIN_GAP = Duration.ofMinutes(20);

    private final Messages messages;
    private final Rectangle warnBand = new Rectangle();
    private final Rectangle alarmBand = new Rectangle();
    private final Line warnLine = new Line();
    private final Line alarmLine = new Line();
    private final Text warnText = new Text();
    private final Text alarmText = new Text();
    private Profile profile = Profile.UBA;

    ThresholdChart(Messages messages) {
        super(new NumberAxis(), new NumberAxis());
        this.messages = messages;
        getStyleClass().add("history-chart");
        setId("room-detail-chart");
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setHorizontalGridLinesVisible(true);
        setVerticalGridLinesVisible(true);
        NumberAxis x = xAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = yAxis();
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setLowerBound(0);
        y.setUpperBound(2500);
        y.setTickUnit(500);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return messages.integer(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        warnBand.getStyleClass().addAll("threshold-band", "warn-band");
        alarmBand.getStyleClass().addAll("threshold-band", "alarm-band");
        warnLine.getStyleClass().addAll("threshold-line", "warn-line");
        alarmLine.getStyleClass().addAll("threshold-line", "alarm-line");
        warnText.getStyleClass().addAll("threshold-text", "warn-text");
        alarmText.getStyleClass().addAll("threshold-text", "alarm-text");
        for (javafx.scene.Node n : List.of(warnBand, alarmBand, warnLine, alarmLine, warnText, alarmText)) {
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        getPlotChildren().addAll(0, List.of(warnBand, alarmBand, warnLine, alarmLine));
        getPlotChildren().addAll(warnText, alarmText); // the numbers stay readable over the line
    }

    private NumberAxis xAxis() {
        return (NumberAxis) getXAxis();
    }

    private NumberAxis yAxis() {
        return (NumberAxis) getYAxis();
    }

    /** Shows {@code data} (or an empty chart of the plan when it is null) against {@code p}'s thresholds. */
    void show(HistoryPlan plan, RoomHistoryData data, Profile p) {
        profile = p;
        warnText.setText(messages.get("room.chart.threshold", messages.integer(p.yellowFrom())));
        alarmText.setText(messages.get("room.chart.threshold", messages.integer(p.redFrom())));
        NumberAxis x = xAxis();
        x.setLowerBound(0);
        x.setUpperBound(plan.hours());
        x.setTickUnit(switch (plan.range()) {
            case TODAY -> 1;
            case WEEK -> 24;
            case MONTH -> 24 * 7;
        });
        DateTimeFormatter f = DateTimeFormatter.ofPattern(messages.get("room.axis." + plan.range().id()), messages.locale());
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return f.format(plan.from().plusSeconds(Math.round(n.doubleValue() * 3600)).atZone(plan.zone()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        double max = data == null ? 0 : data.points().stream().mapToDouble(RoomHistoryData.Point::ppm).max().orElse(0);
        double top = Math.max(p.redFrom() + 500, Math.ceil((max + 100) / 500) * 500);
        yAxis().setUpperBound(top);
        yAxis().setLowerBound(0); // from zero: grid lines fall on the thresholds, and heights compare honestly
        yAxis().setTickUnit(top > 4000 ? 1000 : 500);
        getData().setAll(data == null ? List.of() : series(plan, data));
        requestChartLayout();
    }

    /** The points as one series per stretch without a gap. */
    private static List<XYChart.Series<Number, Number>> series(HistoryPlan plan, RoomHistoryData data) {
        List<RoomHistoryData.Point> pts = data.points();
        Duration perPoint = Duration.between(plan.from(), plan.to()).dividedBy(Math.max(2, data.request().maxPoints()));
        long gapS = Math.max(MIN_GAP.getSeconds(), perPoint.multipliedBy(3).getSeconds());
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        Instant last = null;
        for (RoomHistoryData.Point p : pts) {
            if (last != null && Duration.between(last, p.time()).getSeconds() > gapS && !s.getData().isEmpty()) {
                out.add(s);
                s = new XYChart.Series<>();
            }
            s.getData().add(new XYChart.Data<>(Duration.between(plan.from(), p.time()).getSeconds() / 3600.0, p.ppm()));
            last = p.time();
        }
        if (!s.getData().isEmpty()) out.add(s);
        return out;
    }

    /** Number of points shown (tests). */
    int pointCount() {
        return getData().stream().mapToInt(s -> s.getData().size()).sum();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = xAxis();
        NumberAxis y = yAxis();
        double w = x.getDisplayPosition(x.getUpperBound()) - x.getDisplayPosition(x.getLowerBound());
        double left = x.getDisplayPosition(x.getLowerBound());
        double top = y.getDisplayPosition(y.getUpperBound());
        double yWarn = y.getDisplayPosition(profile.yellowFrom());
        double yAlarm = y.getDisplayPosition(profile.redFrom());
        warnBand.setX(left);
        warnBand.setY(yAlarm);
        warnBand.setWidth(Math.max(0, w));
        warnBand.setHeight(Math.max(0, yWarn - yAlarm));
        alarmBand.setX(left);
        alarmBand.setY(top);
        alarmBand.setWidth(Math.max(0, w));
        alarmBand.setHeight(Math.max(0, yAlarm - top));
        place(warnLine, left, w, yWarn);
        place(alarmLine, left, w, yAlarm);
        // at the right end: today's afternoon is still empty there
        warnText.setX(left + w - warnText.getLayoutBounds().getWidth() - 6);
        warnText.setY(yWarn - 6);
        alarmText.setX(left + w - alarmText.getLayoutBounds().getWidth() - 6);
        alarmText.setY(yAlarm - 6);
    }

    private static void place(Line line, double left, double w, double y) {
        line.setStartX(left);
        line.setEndX(left + w);
        line.setStartY(y);
        line.setEndY(y);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ThresholdChart[%d points]", pointCount());
    }
}
