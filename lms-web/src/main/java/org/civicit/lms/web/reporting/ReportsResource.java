package org.civicit.lms.web.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.csv.RowWriter;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.reporting.CertificationReport;
import org.civicit.lms.reporting.CountProgress;
import org.civicit.lms.reporting.Grouping;
import org.civicit.lms.reporting.ItStaffReport;
import org.civicit.lms.reporting.OfficialsExport;
import org.civicit.lms.reporting.ReportRow;
import org.civicit.lms.reporting.Slice;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.roster.Sector;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.security.Caller;

/**
 * Certification rates against the targets, and the officials behind them, as JSON, CSV
 * or an Excel workbook: {@code format=json|csv|xlsx}, or the {@code Accept} header.
 * Everything is limited to the caller's scope.
 */
@Path("reports")
@RequestScoped
@RolesAllowed({"ADMIN", "HR"})
public class ReportsResource {

    private static final String[] REPORT_HEADER =
            {"group", "officials", "certified", "rate_percent", "target_percent", "gap_percent", "group_name"};
    private static final String[] IT_STAFF_HEADER = {"group", "officials", "qualified", "rate_percent", "group_name"};

    private enum Format { JSON, CSV, XLSX }

    @Inject
    CertificationReport report;

    @Inject
    OfficialsExport officialsExport;

    @Inject
    CountProgress countProgress;

    @Inject
    ItStaffReport itStaffReport;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @GET
    @Path("certification")
    public Response certification(@QueryParam("programme") String programme, @QueryParam("by") String by,
            @QueryParam("asOf") String asOf, @QueryParam("level") String level, @QueryParam("sector") String sector,
            @QueryParam("district") String district, @QueryParam("format") String format) {
        String programmeCode = QueryParams.required("programme", programme);
        Grouping grouping = grouping(by);
        LocalDate day = QueryParams.date("asOf", asOf, Today.date());
        List<ReportRow> rows = report.run(caller.scope(), programmeCode, grouping, slice(level, sector, district), day,
                locale());
        Format chosen = format(format, Format.JSON);
        if (chosen == Format.JSON) {
            return Response.ok(Json.createObjectBuilder()
                    .add("programme", programmeCode)
                    .add("by", grouping.name())
                    .add("asOf", day.toString())
                    .add("rows", rows(rows, REPORT_HEADER))
                    .build(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String name = "certification-" + programmeCode + "-" + grouping.name().toLowerCase(Locale.ROOT) + "-" + day;
        return table(chosen, name, REPORT_HEADER, out -> rows.forEach(r -> out.row(r.group(), r.officials(),
                r.counted(), r.ratePercent(), r.targetPercent(), r.gapPercent(), r.name())));
    }

    /** The by-level report at the end of every year or quarter, and the targets with their due dates. */
    @GET
    @Path("certification/trend")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject trend(@QueryParam("programme") String programme, @QueryParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("step") String step) {
        String programmeCode = QueryParams.required("programme", programme);
        if (QueryParams.blankToNull(by) != null && grouping(by) != Grouping.LEVEL) {
            throw new BusinessException.Invalid("reporting.trend.byLevel", by);
        }
        CertificationReport.Step steps = QueryParams.blankToNull(step) == null ? CertificationReport.Step.YEAR
                : QueryParams.enumValue("step", step, CertificationReport.Step.class);
        CertificationReport.Trend trend = report.trend(caller.scope(), programmeCode,
                QueryParams.date("from", from, null), QueryParams.date("to", to, Today.date()), steps, locale());
        JsonArrayBuilder points = Json.createArrayBuilder();
        trend.points().forEach(point -> points.add(Json.createObjectBuilder()
                .add("asOf", point.asOf().toString())
                .add("rows", rows(point.rows(), REPORT_HEADER))));
        JsonArrayBuilder targets = Json.createArrayBuilder();
        trend.targets().forEach(target -> targets.add(Json.createObjectBuilder()
                .add("level", target.level().name())
                .add("target_percent", target.percent())
                .add("due_on", target.dueOn().toString())));
        return Json.createObjectBuilder()
                .add("programme", trend.programme())
                .add("points", points)
                .add("targets", targets)
                .build();
    }

    /** Of the active IT staff, how many hold an IT degree (college or above), per group. */
    @GET
    @Path("it-staff")
    public Response itStaff(@QueryParam("by") String by, @QueryParam("level") String level,
            @QueryParam("sector") String sector, @QueryParam("district") String district,
            @QueryParam("format") String format) {
        Grouping grouping = grouping(by);
        List<ReportRow> rows = itStaffReport.run(caller.scope(), grouping, slice(level, sector, district), locale());
        Format chosen = format(format, Format.JSON);
        if (chosen == Format.JSON) {
            return Response.ok(Json.createObjectBuilder()
                    .add("by", grouping.name())
                    .add("rows", rows(rows, IT_STAFF_HEADER))
                    .build(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return table(chosen, "it-staff-" + grouping.name().toLowerCase(Locale.ROOT), IT_STAFF_HEADER,
                out -> rows.forEach(r -> out.row(r.group(), r.officials(), r.counted(), r.ratePercent(), r.name())));
    }

    /**
     * The rows, members named as the CSV columns (the count under the header's third name),
     * the display name as {@code name}; a missing target is null. A header of five columns
     * has no target.
     */
    private static JsonArrayBuilder rows(List<ReportRow> rows, String[] header) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ReportRow r : rows) {
            JsonObjectBuilder row = Json.createObjectBuilder()
                    .add(header[0], r.group())
                    .add("name", r.name())
                    .add(header[1], r.officials())
                    .add(header[2], r.counted())
                    .add(header[3], r.ratePercent());
            if (header == REPORT_HEADER) {
                row.add(header[4], number(r.targetPercent())).add(header[5], number(r.gapPercent()));
            }
            array.add(row);
        }
        return array;
    }

    private static Grouping grouping(String by) {
        return QueryParams.enumValue("by", QueryParams.required("by", by), Grouping.class);
    }

    /** A drill-down's part of the report; each parameter optional. */
    private static Slice slice(String level, String sector, String district) {
        return new Slice(QueryParams.enumValue("level", level, Level.class),
                QueryParams.enumValue("sector", sector, Sector.class), QueryParams.blankToNull(district));
    }

    private Locale locale() {
        return Messages.pick(headers.getAcceptableLanguages());
    }

    private static JsonValue number(BigDecimal value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    /** Progress toward the programme's count target ("100 leaders trained", "200 trainings"). */
    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    public CountProgress.Progress progress(@QueryParam("programme") String programme, @QueryParam("asOf") String asOf) {
        return countProgress.of(caller.scope(), QueryParams.required("programme", programme),
                QueryParams.date("asOf", asOf, Today.date()));
    }

    @GET
    @Path("officials")
    public Response officials(@QueryParam("programme") String programme, @QueryParam("asOf") String asOf,
            @QueryParam("certified") String certified, @QueryParam("agency") String agency,
            @QueryParam("format") String format) {
        long programmeId = officialsExport.programmeId(QueryParams.required("programme", programme));
        LocalDate day = QueryParams.date("asOf", asOf, Today.date());
        Scope visible = caller.scope();
        OfficialsExport.Selection selection = new OfficialsExport.Selection(QueryParams.blankToNull(agency), true,
                QueryParams.blankToNull(certified) == null ? null : QueryParams.bool("certified", certified, false));
        Format chosen = format(format, Format.CSV);
        if (chosen == Format.JSON) {
            throw new BusinessException.Invalid("reporting.officials.format");
        }
        officialsExport.check(visible, selection);
        return table(chosen, "officials-" + programme + "-" + day, OfficialsExport.HEADER,
                out -> officialsExport.write(visible, programmeId, day, selection, out));
    }

    private static Response table(Format format, String name, String[] header, Consumer<RowWriter> rows) {
        return Tables.download(format == Format.XLSX, name, header, rows);
    }

    /** The format parameter first, then the Accept header, then the endpoint's default. */
    private Format format(String parameter, Format fallback) {
        if (QueryParams.blankToNull(parameter) != null) {
            return switch (parameter.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                default -> throw new BusinessException.Invalid("reporting.format", parameter);
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf("text/csv")) && !type.isWildcardType()) {
                return Format.CSV;
            }
            if (type.toString().startsWith(Tables.XLSX)) {
                return Format.XLSX;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return Format.JSON;
            }
        }
        return fallback;
    }
}
