package org.civicit.lms.web.assessment;

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
import org.civicit.lms.assessment.gift.GiftWriter;
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

    @Inject
    QuestionBanks banks;

    @Inject
    Caller caller;

    /** A whole file checked first: with any problem nothing is written and every problem is told by line. */
    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    public ImportView importBank(String text, @QueryParam("format") String format,
            @QueryParam("category") String category) {
        BankFormat kind = format == null ? BankFormat.GIFT : QueryParams.enumValue("format", format, BankFormat.class);
        if (text == null || text.isBlank()) {
            throw new BusinessException.Invalid("bank.import.empty");
        }
        List<BankQuestion> questions = kind.parse(text, category);
        QuestionBanks.Imported imported = banks.importBank(questions, caller.username(), caller.isAdmin());
        return new ImportView(imported.total(), imported.categories(), imported.created(), imported.updated(),
                imported.unchanged());
    }

    /** How many current questions each category holds. */
    @GET
    public Map<String, Long> categories() {
        return banks.categories();
    }

    /** The current questions as GIFT, of one category or all. */
    @GET
    @Path("export")
    @Produces("text/plain; charset=UTF-8")
    public Response export(@QueryParam("category") String category) {
        String name = category == null ? "questions" : category.replaceAll("[^\\p{Alnum}._-]", "_");
        BankFile file = GiftWriter.write(banks.export(QueryParams.blankToNull(category), caller.username(),
                caller.isAdmin(), caller.official()));
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + file.extension() + "\"")
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
