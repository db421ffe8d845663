package org.civicit.lms.web.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.civicit.lms.platform.Written;
import org.civicit.lms.reporting.CertificationReport;
import org.civicit.lms.reporting.ReportRow;
import org.civicit.lms.reporting.Target;
import org.civicit.lms.roster.Level;

/**
 * The dashboard's charts as Chart.js configurations, which PrimeFaces' {@code p:chart}
 * draws in the browser from the copy of Chart.js the application serves itself.
 */
final class Charts {

    private static final Map<Level, String> COLOURS = Map.of(
            Level.PROVINCE, "#a31d1d", Level.DISTRICT, "#1f5f99", Level.COMMUNE, "#2e7d32");
    private static final String TARGET_COLOUR = "#8a96a3";
    private static final MonthDay YEAR_END = MonthDay.of(12, 31);

    private Charts() {
    }

    /** One bar of rate and one of target per group that has officials. */
    static String rateAgainstTarget(List<ReportRow> groups, String rateLabel, String targetLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder rates = Json.createArrayBuilder();
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (ReportRow group : groups) {
            if (group.officials() == 0) {
                continue;
            }
            labels.add(group.name());
            rates.add(group.ratePercent());
            targets.add(number(group.targetPercent()));
        }
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("labels", labels)
                .add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", rateLabel).add("data", rates)
                                .add("backgroundColor", COLOURS.get(Level.PROVINCE)))
                        .add(Json.createObjectBuilder().add("label", targetLabel).add("data", targets)
                                .add("backgroundColor", TARGET_COLOUR)));
        return config("bar", data).toString();
    }

    /**
     * A line per level through the year ends; each target a marker at its due date. Due
     * dates after the last point extend the axis, so that what is still to reach shows.
     */
    static String trend(CertificationReport.Trend trend, Function<Level, String> levelLabel,
            Function<Level, String> targetLabel) {
        List<LocalDate> axis = new ArrayList<>(trend.points().stream().map(CertificationReport.Point::asOf).toList());
        LocalDate last = axis.get(axis.size() - 1);
        trend.targets().stream().map(Target::dueOn).filter(due -> due.isAfter(last)).distinct().sorted()
                .forEach(axis::add);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        axis.forEach(day -> labels.add(MonthDay.from(day).equals(YEAR_END) ? String.valueOf(day.getYear())
                : Written.day(day)));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Level level : Level.values()) {
            List<ReportRow> rows = trend.points().stream().map(point -> point.rows().stream()
                    .filter(r -> r.group().equals(level.name())).findFirst().orElse(null)).toList();
            // A level without officials in scope (a district's HR sees no province officials) draws no line.
            if (rows.stream().allMatch(r -> r == null || r.officials() == 0)) {
                continue;
            }
            List<BigDecimal> rates = rows.stream().map(r -> r == null ? null : r.ratePercent()).toList();
            JsonArrayBuilder line = Json.createArrayBuilder();
            rates.forEach(rate -> line.add(number(rate)));
            datasets.add(Json.createObjectBuilder().add("label", levelLabel.apply(level)).add("data", line)
                    .add("borderColor", COLOURS.get(level)).add("backgroundColor", COLOURS.get(level))
                    .add("tension", 0.2));
            List<Target> targets = trend.targets().stream().filter(t -> t.level() == level).toList();
            if (!targets.isEmpty()) {
                datasets.add(targetMarkers(axis, targets, targetLabel.apply(level), COLOURS.get(level)));
            }
        }
        return config("line", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets)).toString();
    }

    /** A target sits on the first point of the axis on or after its due date. */
    private static JsonObjectBuilder targetMarkers(List<LocalDate> axis, List<Target> targets, String label,
            String colour) {
        JsonValue[] markers = new JsonValue[axis.size()];
        for (Target target : targets) {
            for (int i = 0; i < axis.size(); i++) {
                if (!axis.get(i).isBefore(target.dueOn())) {
                    markers[i] = Json.createValue(target.percent());
                    break;
                }
            }
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (JsonValue marker : markers) {
            data.add(marker == null ? JsonValue.NULL : marker);
        }
        return Json.createObjectBuilder().add("label", label).add("data", data).add("showLine", false)
                .add("pointStyle", "rectRot").add("pointRadius", 7).add("borderColor", colour).add("clip", false)
                .add("backgroundColor", "#ffffff").add("borderWidth", 2);
    }

    /** Rates from 0 to 100 %, a chart that fills its box on a phone as on a desk. */
    private static JsonObject config(String type, JsonObjectBuilder data) {
        JsonObjectBuilder percentAxis = Json.createObjectBuilder().add("min", 0).add("max", 100);
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", data)
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", percentAxis)))
                .build();
    }

    private static JsonValue number(BigDecimal value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }
}
