package org.civicit.lms.web.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.assessment.Answer;
import org.civicit.lms.assessment.AttemptUpload;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.ExamDay;
import org.civicit.lms.assessment.Grading;
import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.assessment.QuestionMedia;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.Role;
import org.civicit.lms.web.ContentDisposition;
import org.civicit.lms.web.platform.ClientAddress;
import org.civicit.lms.web.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One attempt: its trainee answers and submits; its graders read and grade it. */
@Path("attempts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttemptsResource {

    /** An answer: {@code selected} for choices, {@code text} for typed answers, {@code pairs} for matching. */
    public record AnswerBody(List<Integer> selected, String text, List<PairBody> pairs) {
    }

    public record PairBody(Integer option, Integer choice) {
    }

    /** A grade; {@code version} is the one read from the queue, needed to grade an answer again. */
    /** How long an attempt the server closed opens again, and why. */
    public record ReopenBody(Integer minutes, String reason) {
    }

    public record GradeBody(Double points, String comment, Long version) {
    }

    @Inject
    Attempts attempts;

    @Inject
    Grading grading;

    @Inject
    QuestionBanks banks;

    @Inject
    Caller caller;

    @Inject
    ExamDay examDay;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "lms.exams.upload-max-bytes", defaultValue = "10485760")
    int maxUploadBytes;

    /** The trainee's own attempt, or one its grader may read; anyone else's does not exist. */
    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", "INSTRUCTOR", "TRAINEE"})
    public JsonObject one(@PathParam("id") long id) {
        Seen seen = seen(id);
        return seen.own() ? AttemptJson.forTrainee(seen.view()) : AttemptJson.forGrader(seen.view());
    }

    /**
     * A picture of a question of the attempt, for whoever may read the attempt: its trainee and
     * those who grade it. A picture of a question not in this attempt does not exist here.
     */
    @GET
    @Path("{id}/pictures/{sha256}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"ADMIN", "INSTRUCTOR", "TRAINEE"})
    public Response picture(@PathParam("id") long id, @PathParam("sha256") String sha256) {
        boolean shown = seen(id).view().items().stream().flatMap(item -> item.question().media().stream())
                .anyMatch(media -> media.sha256().equals(sha256));
        if (!shown) {
            throw new BusinessException.NotFound("attempt.picture.notFound", id);
        }
        QuestionMedia picture = banks.picture(sha256);
        return Response.ok(picture.getContent(), picture.getContentType())
                .header("Cache-Control", "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                // An SVG opened on its own runs nothing and reaches nothing.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .build();
    }

    /** An attempt as its trainee sees it, or as a grader may read it; anyone else's does not exist. */
    private Seen seen(long id) {
        Official official = caller.official().orElse(null);
        boolean grader = caller.isAdmin() || caller.roles().contains(Role.INSTRUCTOR);
        if (official != null) {
            try {
                return new Seen(attempts.ownView(id, official), true);
            } catch (BusinessException.NotFound notOwn) {
                if (!grader) {
                    throw notOwn;
                }
            }
        }
        return new Seen(attempts.gradersView(id, caller.username(), caller.isAdmin()), false);
    }

    private record Seen(Attempts.View view, boolean own) {
    }

    /** Stores an answer; the 204 is sent only once it is committed. */
    @PUT
    @Path("{id}/answers/{questionId}")
    @RolesAllowed("TRAINEE")
    public Response answer(@PathParam("id") long id, @PathParam("questionId") long questionId, AnswerBody body) {
        if (body == null) {
            throw new BusinessException.Invalid("attempt.answer.body");
        }
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        for (PairBody pair : body.pairs() == null ? List.<PairBody>of() : body.pairs()) {
            if (pair == null || pair.option() == null || pair.choice() == null) {
                throw new BusinessException.Invalid("attempt.answer.pairs");
            }
            if (pairs.put(pair.option(), pair.choice()) != null) {
                throw new BusinessException.Invalid("attempt.answer.pairTwice", pair.option());
            }
        }
        if (body.selected() != null && body.selected().contains(null)) {
            throw new BusinessException.Invalid("attempt.answer.unknownOption", "null");
        }
        attempts.answer(id, questionId, caller.trainee(), new Answer(body.selected(), body.text(), pairs),
                clientAddress.of(request));
        return Response.noContent().build();
    }

    /**
     * Hands in a file for a practical question: the body is the file, its name in
     * {@code ?name=}; a new file replaces the one before. The 204 comes once it is committed.
     */
    @PUT
    @Path("{id}/answers/{questionId}/file")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("TRAINEE")
    public Response handIn(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @QueryParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        byte[] content = body.readNBytes(maxUploadBytes + 1);
        if (content.length > maxUploadBytes) {
            throw new BusinessException.Invalid("attempt.file.tooLarge", maxUploadBytes / (1024 * 1024));
        }
        attempts.handIn(id, questionId, caller.trainee(), name, contentType, content, clientAddress.of(request));
        return Response.noContent().build();
    }

    /** The file handed in, for its trainee and for those who grade the assessment. */
    @GET
    @Path("{id}/answers/{questionId}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"ADMIN", "INSTRUCTOR", "TRAINEE"})
    public Response file(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        AttemptUpload upload = attempts.handedIn(id, questionId, caller.official().orElse(null), caller.username(),
                caller.isAdmin());
        return Response.ok(upload.getContent(), upload.getContentType())
                .header("Content-Disposition", ContentDisposition.attachment(upload.getFileName()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** Opens again an attempt the server closed at its deadline; the answers kept stay. */
    @POST
    @Path("{id}/reopen")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public JsonObject reopen(@PathParam("id") long id, ReopenBody body) {
        examDay.reopen(id, body == null ? null : body.minutes(), body == null ? null : body.reason(),
                caller.username(), caller.isAdmin());
        return AttemptJson.forGrader(attempts.gradersView(id, caller.username(), caller.isAdmin()));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed("TRAINEE")
    public JsonObject submit(@PathParam("id") long id) {
        return AttemptJson.result(attempts.submit(id, caller.trainee()));
    }

    @PUT
    @Path("{id}/grades/{questionId}")
    @RolesAllowed({"ADMIN", "INSTRUCTOR"})
    public JsonObject grade(@PathParam("id") long id, @PathParam("questionId") long questionId, GradeBody body) {
        if (body == null) {
            throw new BusinessException.Invalid("grading.body");
        }
        return AttemptJson.result(grading.grade(id, questionId, body.points(), body.comment(), body.version(),
                caller.username(), caller.isAdmin()));
    }
}
