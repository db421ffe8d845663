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
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.civicit.lms.csv.CsvOutput;
import org.civicit.lms.csv.RowWriter;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.reporting.CertificationReport;
import org.civicit.lms.reporting.CountProgress;
import org.civicit.lms.reporting.Grouping;
import org.civicit.lms.reporting.OfficialsExport;
import org.civicit.lms.reporting.XlsxOutput;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.web.QueryParams;
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

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] REPORT_HEADER =
            {"group", "officials", "certified", "rate_percent", "target_percent", "gap_percent"};

    private enum Format { JSON, CSV, XLSX }

    @Inject
    CertificationReport report;

    @Inject
    OfficialsExport officialsExport;

    @Inject
    CountProgress countProgress;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @GET
    @Path("certification")
    public Response certification(@QueryParam("programme") String programme, @QueryParam("by") String by,
            @QueryParam("asOf") String asOf, @QueryParam("format") String format) {
        String programmeCode = QueryParams.required("programme", programme);
        Grouping grouping = QueryParams.enumValue("by", QueryParams.required("by", by), Grouping.class);
        LocalDate day = QueryParams.date("asOf", asOf, Today.date());
        List<CertificationReport.Row> rows = report.run(caller.scope(), programmeCode, grouping, day);
        Format chosen = format(format, Format.JSON);
        if (chosen == Format.JSON) {
            return Response.ok(json(programmeCode, grouping, day, rows), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String name = "certification-" + programmeCode + "-" + grouping.name().toLowerCase(Locale.ROOT) + "-" + day;
        return table(chosen, name, REPORT_HEADER, out -> rows.forEach(r -> out.row(r.group(), r.officials(),
                r.certified(), r.ratePercent(), r.targetPercent(), r.gapPercent())));
    }

    /** What was asked, then the rows, their members named as the CSV columns; a missing target is null. */
    private static JsonObject json(String programme, Grouping grouping, LocalDate day,
            List<CertificationReport.Row> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (CertificationReport.Row r : rows) {
            array.add(Json.createObjectBuilder()
                    .add(REPORT_HEADER[0], r.group())
                    .add(REPORT_HEADER[1], r.officials())
                    .add(REPORT_HEADER[2], r.certified())
                    .add(REPORT_HEADER[3], r.ratePercent())
                    .add(REPORT_HEADER[4], number(r.targetPercent()))
                    .add(REPORT_HEADER[5], number(r.gapPercent())));
        }
        return Json.createObjectBuilder()
                .add("programme", programme)
                .add("by", grouping.name())
                .add("asOf", day.toString())
                .add("rows", array)
                .build();
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
            @QueryParam("format") String format) {
        long programmeId = officialsExport.programmeId(QueryParams.required("programme", programme));
        LocalDate day = QueryParams.date("asOf", asOf, Today.date());
        Scope visible = caller.scope();
        Format chosen = format(format, Format.CSV);
        if (chosen == Format.JSON) {
            throw new BusinessException.Invalid("reporting.officials.format");
        }
        return table(chosen, "officials-" + programme + "-" + day, OfficialsExport.HEADER,
                out -> officialsExport.write(visible, programmeId, day, out));
    }

    /**
     * Streams the table straight to the response: nothing is held for the whole file. A
     * failure halfway is not dressed up as a complete file: the workbook is dropped and
     * the connection ends short.
     */
    private static Response table(Format format, String name, String[] header, Consumer<RowWriter> rows) {
        boolean csv = format == Format.CSV;
        StreamingOutput body = stream -> {
            RowWriter out = csv ? CsvOutput.open(stream, header) : XlsxOutput.open(stream, name, header);
            try {
                rows.accept(out);
            } catch (RuntimeException e) {
                out.abandon();
                throw e;
            }
            out.close();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".xlsx") + "\"")
                .build();
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
            if (type.toString().startsWith(XLSX)) {
                return Format.XLSX;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return Format.JSON;
            }
        }
        return fallback;
    }
}
