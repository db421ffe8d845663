package org.civicit.lms.web.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civicit.lms.assessment.Grading;
import org.civicit.lms.web.security.Caller;

/** The answers waiting for an instructor, oldest submission first; trainees are not named. */
@Path("grading")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "INSTRUCTOR"})
public class GradingResource {

    /** {@code file} describes a file handed in (fetch it from the attempt), or is absent. */
    public record Pending(long attemptId, long questionId, String assessment, String question, String text,
                          File file, double maxPoints, long version, OffsetDateTime submittedAt) {
    }

    public record File(String name, String contentType, long size, String href) {
    }

    @Inject
    Grading grading;

    @Inject
    Caller caller;

    @GET
    @Path("queue")
    public List<Pending> queue() {
        return grading.queue(caller.username(), caller.isAdmin()).stream()
                .map(p -> new Pending(p.attempt().getId(), p.item().getQuestionId(), p.attempt().getAssessment().getCode(),
                        p.question().text(), p.item().answer().text(), p.file() == null ? null
                                : new File(p.file().fileName(), p.file().contentType(), p.file().sizeBytes(),
                                        "api/attempts/" + p.attempt().getId() + "/answers/" + p.item().getQuestionId() + "/file"),
                        p.item().getMaxPoints(), p.item().getVersion(), p.attempt().getSubmittedAt()))
                .toList();
    }
}
