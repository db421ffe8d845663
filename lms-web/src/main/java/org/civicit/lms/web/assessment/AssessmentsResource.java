package org.civicit.lms.web.assessment;

import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.AssessmentDraft;
import org.civicit.lms.assessment.AssessmentSection;
import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.AttemptStatus;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.ExamDay;
import org.civicit.lms.assessment.Grading;
import org.civicit.lms.assessment.Results;
import org.civicit.lms.assessment.Review;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Role;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.platform.ClientAddress;
import org.civicit.lms.web.security.Caller;

/** Assessments: instructors create them and rescore them; trainees start or resume an attempt. */
@Path("assessments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentsResource {

    /**
     * The body that creates an assessment; {@code passPercent} in a section is that part's
     * own mark; {@code course}, optional, is the course that passing it completes.
     */
    public record NewAssessment(String code, String title, String programme, String course, String offering,
                                Integer timeLimitMinutes,
                                Double passPercent, Integer maxAttempts, Boolean certifies, OffsetDateTime opensAt,
                                OffsetDateTime closesAt, List<Section> sections, List<String> instructors,
                                String accessCode, List<String> networks, String review) {
    }

    public record Section(String category, Integer count, Double passPercent) {
    }

    public record AssessmentView(String code, String title, String programme, String course, String offering,
                                 int timeLimitMinutes,
                                 double passPercent, int maxAttempts, boolean certifies, OffsetDateTime opensAt,
                                 OffsetDateTime closesAt, List<Section> sections, boolean accessCodeRequired,
                                 Review review) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.getCode(), a.getTitle(), a.getProgramme().getCode(),
                    a.getCourse() == null ? null : a.getCourse().getCode(), a.getOffering() == null ? null : a.getOffering().getCode(), a.getTimeLimitMinutes(),
                    a.getPassPercent(), a.getMaxAttempts(), a.isCertifies(), a.getOpensAt(), a.getClosesAt(),
                    a.getSections().stream().map(s -> new Section(s.getCategory(), s.getQuestionCount(),
                            s.getPassPercent())).toList(), a.getAccessCode() != null, a.getReview());
        }
    }

    /** Extra time and attempts for one official, and why. */
    public record AccommodationBody(Integer extraMinutes, Integer extraAttempts, String reason) {
    }

    public record LiveView(long attemptId, String employeeCode, String fullName, AttemptStatus status, int number,
                           long answered, int questions, OffsetDateTime lastSavedAt, OffsetDateTime deadline,
                           String submittedBy, Boolean passed) {

        static LiveView of(ExamDay.LiveLine line) {
            return new LiveView(line.attemptId(), line.employeeCode(), line.fullName(), line.status(), line.number(),
                    line.answered(), line.questions(), line.lastSavedAt(), line.deadline(), line.submittedBy(),
                    line.passed());
        }
    }

    public record RegradeView(int attempts, int changed, int certificatesIssued, int certificatesRevoked) {
    }

    @Inject
    Assessments assessments;

    @Inject
    Attempts attempts;

    @Inject
    Grading grading;

    @Inject
    Caller caller;

    @Inject
    ExamDay examDay;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public Response create(NewAssessment body) {
        if (body == null) {
            throw new BusinessException.Invalid("assessment.body");
        }
        List<AssessmentSection> sections = body.sections() == null ? List.of() : body.sections().stream()
                .map(s -> new AssessmentSection(s == null ? null : s.category(),
                        s == null || s.count() == null ? 0 : s.count(), s == null ? null : s.passPercent()))
                .toList();
        AssessmentDraft draft = new AssessmentDraft(body.code(), body.title(), body.programme(), body.course(),
                body.offering(),
                body.timeLimitMinutes() == null ? 0 : body.timeLimitMinutes(),
                body.passPercent() == null ? -1 : body.passPercent(),
                body.maxAttempts() == null ? 1 : body.maxAttempts(), Boolean.TRUE.equals(body.certifies()),
                body.opensAt(), body.closesAt(), sections,
                body.instructors() == null ? List.of() : body.instructors(), body.accessCode(), body.networks(),
                QueryParams.enumValue("review", body.review(), Review.class));
        Assessment assessment = assessments.create(draft, caller.username(), caller.isAdmin());
        return Response.created(URI.create("assessments/" + assessment.getCode()))
                .entity(AssessmentView.of(assessment)).build();
    }

    /** A trainee's exams: those it may take, and those it took, with its attempts' results. */
    @GET
    @RolesAllowed("TRAINEE")
    public JsonArray mine() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        attempts.sittings(caller.trainee()).forEach(sitting -> list.add(AttemptJson.sitting(sitting)));
        return list.build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({"ADMIN", "INSTRUCTOR", "HR", "TRAINEE"})
    public AssessmentView one(@PathParam("code") String code) {
        boolean staff = caller.roles().stream().anyMatch(role -> role != Role.TRAINEE);
        return AssessmentView.of(staff ? assessments.byCode(code)
                : assessments.forTrainee(code, caller.official()
                        .orElseThrow(() -> new BusinessException.NotFound("assessment.notFound", code))));
    }

    /** 201 with a new attempt; 200 with the attempt already open (a resume after a lost connection). */
    @POST
    @Path("{code}/attempts")
    @RolesAllowed("TRAINEE")
    public Response start(@PathParam("code") String code, String body) {
        Official official = caller.trainee();
        Attempts.Started started = attempts.start(code, official,
                new Attempts.Entry(accessCode(body), clientAddress.of(request)));
        JsonObject attempt = AttemptJson.forTrainee(started.view());
        return started.created()
                ? Response.created(URI.create("attempts/" + started.view().attempt().getId())).entity(attempt).build()
                : Response.ok(attempt).build();
    }

    /** The access code of a start's body, {@code {"accessCode": "…"}}; an empty body gives none. */
    private static String accessCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readObject().get("accessCode");
            return value instanceof JsonString text ? text.getString() : null;
        } catch (JsonException | IllegalStateException e) {
            throw new BadRequestException(e);
        }
    }

    @PUT
    @Path("{code}/accommodations/{employeeCode}")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public Response accommodate(@PathParam("code") String code, @PathParam("employeeCode") String employeeCode,
            AccommodationBody body) {
        if (body == null) {
            throw new BusinessException.Invalid("examDay.reason");
        }
        examDay.accommodate(code, employeeCode, body.extraMinutes(), body.extraAttempts(), body.reason(),
                caller.username(), caller.isAdmin());
        return Response.noContent().build();
    }

    /** Who is sitting the assessment, for the invigilator's page. */
    @GET
    @Path("{code}/live")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public List<LiveView> live(@PathParam("code") String code) {
        return examDay.live(code, caller.username(), caller.isAdmin()).stream().map(LiveView::of).toList();
    }

    @POST
    @Path("{code}/regrade")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public RegradeView regrade(@PathParam("code") String code) {
        Grading.Regraded result = grading.regrade(code, caller.username(), caller.isAdmin());
        return new RegradeView(result.attempts(), result.changed(), result.certificatesIssued(),
                result.certificatesRevoked());
    }

    /** One line of the gradebook. */
    public record ResultLine(long attemptId, String employeeCode, String fullName, String agency, int number,
                             AttemptStatus status, Double score, double maxScore, Double percent, Boolean passed,
                             OffsetDateTime submittedAt) {

        static ResultLine of(Attempt a) {
            return new ResultLine(a.getId(), a.getOfficial().getEmployeeCode(), a.getOfficial().getFullName(),
                    a.getOfficial().getAgency().getCode(), a.getNumber(), a.getStatus(), a.getScore(), a.getMaxScore(),
                    a.getScore() == null ? null : Results.percent(a.getScore(), a.getMaxScore()), a.getPassed(),
                    a.getSubmittedAt());
        }
    }

    /** The gradebook: every attempt with its trainee and result; {@code format=xlsx} or {@code csv} for a spreadsheet. */
    @GET
    @Path("{code}/results")
    @Produces({MediaType.APPLICATION_JSON, Tables.CSV, Tables.XLSX})
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public Response results(@PathParam("code") String code, @QueryParam("format") String format) {
        List<ResultLine> lines = grading.gradebook(code, caller.username(), caller.isAdmin()).stream()
                .map(ResultLine::of).toList();
        if (QueryParams.blankToNull(format) == null || format.strip().equalsIgnoreCase("json")) {
            return Response.ok(lines, MediaType.APPLICATION_JSON).build();
        }
        return Tables.download(spreadsheet(format), fileName(code) + "-results", new String[] {"attempt_id",
            "employee_code", "full_name", "agency_code", "attempt", "status", "score", "max_score", "percent", "passed",
            "submitted_at"}, out -> lines.forEach(l -> out.row(l.attemptId(), l.employeeCode(), l.fullName(),
                    l.agency(), l.number(), l.status(), l.score(), l.maxScore(), l.percent(), l.passed(),
                    l.submittedAt())));
    }

    /** Whether a file is asked as a workbook ({@code xlsx}) or as CSV; anything else is a clear error. */
    private static boolean spreadsheet(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw new BusinessException.Invalid("reporting.format", format);
        };
    }

    private static String fileName(String code) {
        return code.replaceAll("[^\\p{Alnum}._-]", "_");
    }

    /** Facility and discrimination of each question, as a workbook ({@code format=xlsx}) or CSV (the default). */
    @GET
    @Path("{code}/item-analysis")
    @Produces({Tables.CSV, Tables.XLSX})
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public Response itemAnalysis(@PathParam("code") String code, @QueryParam("format") String format) {
        List<Grading.ItemStatistics> statistics = grading.itemAnalysis(code, caller.username(), caller.isAdmin());
        return Tables.download(QueryParams.blankToNull(format) != null && spreadsheet(format),
                fileName(code) + "-item-analysis", new String[] {"question_id", "category", "title", "type",
                    "revision", "answered", "facility_percent", "discrimination_percent"},
                out -> statistics.forEach(s -> out.row(s.question().getId(), s.question().getCategory(),
                        s.question().getTitle(), s.question().getType().name(), s.question().getRevision(),
                        s.answered(), s.facility(), s.discrimination())));
    }
}
