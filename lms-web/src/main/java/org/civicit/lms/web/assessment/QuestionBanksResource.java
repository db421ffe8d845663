package org.civicit.lms.web.assessment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.Question;
import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.assessment.gift.BankFile;
import org.civicit.lms.assessment.gift.BankFormat;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.QueryParams;
import org.civicit.lms.web.security.Caller;

/**
 * Question banks in GIFT (or Aiken) for instructors: import, list, export, correct a key.
 * A category belongs to whoever first imported into it and to whom the admin adds: only they
 * read its keys or change it (see {@link QuestionBanks}).
 */
@Path("question-banks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "INSTRUCTOR"})
public class QuestionBanksResource {

    public record ImportView(int total, Map<String, Integer> categories, int created, int updated, int unchanged) {
    }

    public record QuestionView(long id, String category, String title, int revision, boolean current,
                               QuestionType type, double points, String gift) {

        static QuestionView of(Question q) {
            return new QuestionView(q.getId(), q.getCategory(), q.getTitle(), q.getRevision(), q.isCurrent(),
                    q.getType(), q.getPoints(), q.gift());
        }
    }

    /** How many features of the questions an export could not carry, per question and feature. */
    public static final String LEFT_OUT = "X-LMS-Left-Out";

    @Inject
    QuestionBanks banks;

    @Inject
    Caller caller;

    /**
     * A whole file checked first: with any problem nothing is written and every problem is told by line.
     * GIFT and Aiken come as text, Moodle XML as XML (or text), QTI as a zip package.
     */
    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/zip"})
    public ImportView importBank(byte[] body, @QueryParam("format") String format,
            @QueryParam("category") String category) {
        BankFormat kind = format == null ? BankFormat.GIFT : QueryParams.enumValue("format", format, BankFormat.class);
        if (body == null || body.length == 0 || kind != BankFormat.QTI && new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new BusinessException.Invalid("bank.import.empty");
        }
        List<BankQuestion> questions = kind.read(body, category);
        QuestionBanks.Imported imported = banks.importBank(questions, caller.username(), caller.isAdmin());
        return new ImportView(imported.total(), imported.categories(), imported.created(), imported.updated(),
                imported.unchanged());
    }

    /** How many current questions each category holds. */
    @GET
    public Map<String, Long> categories() {
        return banks.categories();
    }

    /**
     * The current questions as GIFT (the default), Moodle XML or a QTI package, of one category or all. What the
     * format could not carry (GIFT: pictures) is counted in the header {@code X-LMS-Left-Out}, 0 when nothing.
     */
    @GET
    @Path("export")
    @Produces({"text/plain; charset=UTF-8", "application/xml; charset=UTF-8", "application/zip"})
    public Response export(@QueryParam("category") String category, @QueryParam("format") String format) {
        BankFormat kind = format == null ? BankFormat.GIFT : QueryParams.enumValue("format", format, BankFormat.class);
        if (kind == BankFormat.AIKEN) {
            throw new BusinessException.Invalid("bank.export.format", format);
        }
        String name = category == null ? "questions" : category.replaceAll("[^\\p{Alnum}._-]", "_");
        BankFile file = kind.write(banks.export(QueryParams.blankToNull(category), caller.username(),
                caller.isAdmin(), caller.official()));
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + file.extension() + "\"")
                .header(LEFT_OUT, file.leftOut().size())
                .build();
    }

    @GET
    @Path("questions/{id}")
    public QuestionView question(@PathParam("id") long id) {
        return QuestionView.of(banks.question(id, caller.username(), caller.isAdmin(), caller.official()));
    }

    /** The admin adds an owner to a category: it may then read the category's keys and change it. */
    @PUT
    @Path("categories/{category}/owners/{username}")
    @RolesAllowed("ADMIN")
    public Response addOwner(@PathParam("category") String category, @PathParam("username") String username) {
        banks.addOwner(category, username);
        return Response.noContent().build();
    }

    /** Corrects a question's key in place (GIFT of that one question); a regrade then rescores attempts. */
    @PUT
    @Path("questions/{id}")
    @Consumes(MediaType.TEXT_PLAIN)
    public QuestionView correct(@PathParam("id") long id, String gift) {
        return QuestionView.of(banks.correctKey(id, gift == null ? "" : gift, caller.username(), caller.isAdmin()));
    }
}
