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

    public record Pending(long attemptId, long questionId, String assessment, String question, String text,
                          double maxPoints, long version, OffsetDateTime submittedAt) {
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
                        p.question().text(), p.item().answer().text(), p.item().getMaxPoints(), p.item().getVersion(),
                        p.attempt().getSubmittedAt()))
                .toList();
    }
}
