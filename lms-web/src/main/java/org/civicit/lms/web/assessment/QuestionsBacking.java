package org.civicit.lms.web.assessment;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.Question;
import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Written;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/questions.xhtml}: the questions of a bank category and one of
 * them with its key (the right answers, their weights and the feedback), for the category's
 * owners and the admin only, as {@code GET /api/question-banks/questions/{id}} decides.
 */
@Named
@ViewScoped
public class QuestionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A question listed: its number, title and type. */
    public record Listed(long id, String title, String type) implements Serializable {
    }

    @Inject
    QuestionBanks banks;

    @Inject
    Caller caller;

    private String category;
    private Long id;
    private List<Listed> questions = List.of();
    private transient BankQuestion shown;
    private Long shownId;

    public void load() {
        try {
            questions = banks.questionsOf(category, caller.username(), caller.isAdmin(), caller.official()).stream()
                    .map(q -> new Listed(q.getId(), q.getTitle(), q.getType().name())).toList();
            if (id != null) {
                Question question = banks.question(id, caller.username(), caller.isAdmin(), caller.official());
                if (!question.getCategory().equals(category)) {
                    throw new BusinessException.NotFound("bank.question.notFound", id);
                }
                shown = question.parsed();
                shownId = question.getId();
            }
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    /** A number as people write it: 1, 0.5. */
    public String number(double value) {
        return Written.number(value);
    }

    /** An option's weight as a trainee's share of the points, e.g. "100%" or "-50%". */
    public String weight(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<Listed> getQuestions() {
        return questions;
    }

    public BankQuestion getShown() {
        return shown;
    }

    public Long getShownId() {
        return shownId;
    }
}
