package org.civicit.lms.web.assessment;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.assessment.Assessment;
import org.civicit.lms.assessment.AssessmentDraft;
import org.civicit.lms.assessment.AssessmentSection;
import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.Review;
import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Course;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.platform.Written;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/assessment.xhtml}: a new assessment, or one of the caller's to
 * change while no one has started it, with its parts drawn from bank categories; and a
 * paper drawn as a trainee would get it, without starting an attempt. The rules are
 * {@link Assessments}'; the page only gathers the fields and tells its refusals.
 */
@Named
@ViewScoped
public class AssessmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One part of the form: a category, how many of its questions, and the part's own pass mark. */
    public static class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        private String category;
        private Integer count;
        private Double passPercent;

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }

        public Double getPassPercent() {
            return passPercent;
        }

        public void setPassPercent(Double passPercent) {
            this.passPercent = passPercent;
        }
    }

    @Inject
    Assessments assessments;

    @Inject
    Attempts attempts;

    @Inject
    QuestionBanks banks;

    @Inject
    Catalog catalog;

    @Inject
    Caller caller;

    private String code;
    private boolean existing;
    private boolean editable = true;
    private long attemptCount;
    private String title;
    private String programme;
    private String course;
    private String offering;
    private Integer timeLimitMinutes = 30;
    private Double passPercent = 50.0;
    private Integer maxAttempts = 1;
    private boolean certifies;
    private String opensAt;
    private String closesAt;
    private String accessCode;
    private String networks;
    private Review review = Review.NONE;
    private List<String> instructors = List.of();
    private List<Part> parts = new ArrayList<>(List.of(new Part()));
    private transient List<Attempts.Drawn> paper;
    private transient Map<String, Long> categories;

    /** Reads the assessment named in the address, if any, once per view. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback() || code == null || code.isBlank()) {
            return;
        }
        try {
            Assessment assessment = assessments.forInstructor(code, caller.username(), caller.isAdmin());
            existing = true;
            code = assessment.getCode();
            title = assessment.getTitle();
            programme = assessment.getProgramme().getCode();
            course = assessment.getCourse() == null ? null : assessment.getCourse().getCode();
            offering = assessment.getOffering() == null ? null : assessment.getOffering().getCode();
            timeLimitMinutes = assessment.getTimeLimitMinutes();
            passPercent = assessment.getPassPercent();
            maxAttempts = assessment.getMaxAttempts();
            certifies = assessment.isCertifies();
            opensAt = local(assessment.getOpensAt());
            closesAt = local(assessment.getClosesAt());
            accessCode = assessment.getAccessCode();
            networks = String.join("\n", assessment.getNetworks().written());
            review = assessment.getReview();
            instructors = List.copyOf(assessment.getInstructors());
            parts = new ArrayList<>();
            for (AssessmentSection section : assessment.getSections()) {
                Part part = new Part();
                part.setCategory(section.getCategory());
                part.setCount(section.getQuestionCount());
                part.setPassPercent(section.getPassPercent());
                parts.add(part);
            }
            attemptCount = assessments.attempts(assessment);
            editable = assessments.mayEdit(assessment, caller.username(), caller.isAdmin());
        } catch (BusinessException e) {
            code = null;
            PageMessages.refusal(e);
        }
    }

    public void addPart() {
        parts.add(new Part());
    }

    public void removePart(int index) {
        if (index >= 0 && index < parts.size()) {
            parts.remove(index);
        }
        if (parts.isEmpty()) {
            parts.add(new Part());
        }
    }

    /** Creates or changes the assessment; after a creation the page comes back as the new assessment's. */
    public String save() {
        paper = null;
        AssessmentDraft draft;
        try {
            draft = draft();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
            return null;
        }
        try {
            if (existing) {
                assessments.update(code, draft, caller.username(), caller.isAdmin());
                PageMessages.info("instructor_assessment.saved", code);
                return null;
            }
            Assessment created = assessments.create(draft, caller.username(), caller.isAdmin());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.info("instructor_assessment.created", created.getCode());
            return "/instructor/assessment?faces-redirect=true&code=" + created.getCode();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
            return null;
        }
    }

    /** Draws a paper as a new attempt would, writing nothing. */
    public void preview() {
        try {
            paper = attempts.preview(code, caller.username(), caller.isAdmin());
        } catch (BusinessException e) {
            paper = null;
            PageMessages.refusal(e);
        }
    }

    private AssessmentDraft draft() {
        List<AssessmentSection> sections = new ArrayList<>();
        for (Part part : parts) {
            if (part.getCategory() == null || part.getCategory().isBlank()) {
                continue;
            }
            if (part.getCount() == null) {
                throw new BusinessException.Invalid("assessment.section.count", part.getCategory());
            }
            sections.add(new AssessmentSection(part.getCategory(), part.getCount(), part.getPassPercent()));
        }
        if (timeLimitMinutes == null) {
            throw new BusinessException.Invalid("instructor_assessment.required",
                    PageMessages.text("instructor_assessment.timeLimit"));
        }
        if (passPercent == null) {
            throw new BusinessException.Invalid("instructor_assessment.required",
                    PageMessages.text("instructor_assessment.passPercent"));
        }
        if (maxAttempts == null) {
            throw new BusinessException.Invalid("instructor_assessment.required",
                    PageMessages.text("instructor_assessment.maxAttempts"));
        }
        String programmeCode = blankToNull(programme);
        if (programmeCode == null && blankToNull(course) != null) {
            programmeCode = catalog.course(course.strip()).map(c -> c.getProgramme().getCode()).orElse(null);
        }
        return new AssessmentDraft(existing ? code : blankToNull(code), title == null ? null : title.strip(),
                programmeCode, blankToNull(course), blankToNull(offering), timeLimitMinutes, passPercent,
                maxAttempts, certifies && caller.isAdmin(), moment(opensAt, "instructor_assessment.opensAt"),
                moment(closesAt, "instructor_assessment.closesAt"), sections, instructors, accessCode,
                networks == null ? List.of() : List.of(networks.split("[,\\s]+")), review);
    }

    /** A time typed in the province's time zone, as the browser's date-and-time field sends it. */
    private static OffsetDateTime moment(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(Today.VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new BusinessException.Invalid("instructor_assessment.badTime", PageMessages.text(field), text);
        }
    }

    private static String local(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(Today.VIETNAM).toLocalDateTime().toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A number as people write it: 1, 0.5. */
    public String number(double value) {
        return Written.number(value);
    }

    /** What a drawn question shows to choose from, in the order this paper shows it. */
    public List<String> options(Attempts.Drawn drawn) {
        BankQuestion question = drawn.question();
        return drawn.presentation().optionOrder().stream()
                .map(index -> question.type() == QuestionType.MATCHING ? question.matchedPairs().get(index).left()
                        : question.options().get(index).text())
                .toList();
    }

    /** The right-hand items of a drawn matching question, in this paper's order. */
    public List<String> choices(Attempts.Drawn drawn) {
        return drawn.presentation().choiceOrder().stream().map(index -> drawn.question().choices().get(index)).toList();
    }

    public List<Programme> getProgrammes() {
        return catalog.programmes();
    }

    public List<Course> getCourses() {
        return catalog.courses();
    }

    public List<Offering> getClasses() {
        return assessments.classChoices(caller.username(), caller.isAdmin());
    }

    /** The bank categories with how many questions each holds now; anyone may draw from any of them. */
    public Map<String, Long> getCategories() {
        if (categories == null) {
            categories = banks.categories();
        }
        return categories;
    }

    public List<String> getCategoryNames() {
        return List.copyOf(getCategories().keySet());
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    public boolean isExisting() {
        return existing;
    }

    public boolean isEditable() {
        return editable;
    }

    /** Whether the assessment shown may no longer be changed by the caller. */
    public boolean isLocked() {
        return existing && !editable;
    }

    public long getAttemptCount() {
        return attemptCount;
    }

    public List<Attempts.Drawn> getPaper() {
        return paper;
    }

    public List<Part> getParts() {
        return parts;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        this.course = course;
    }

    public String getOffering() {
        return offering;
    }

    public void setOffering(String offering) {
        this.offering = offering;
    }

    public Integer getTimeLimitMinutes() {
        return timeLimitMinutes;
    }

    public void setTimeLimitMinutes(Integer timeLimitMinutes) {
        this.timeLimitMinutes = timeLimitMinutes;
    }

    public Double getPassPercent() {
        return passPercent;
    }

    public void setPassPercent(Double passPercent) {
        this.passPercent = passPercent;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public boolean isCertifies() {
        return certifies;
    }

    public void setCertifies(boolean certifies) {
        this.certifies = certifies;
    }

    public String getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(String opensAt) {
        this.opensAt = opensAt;
    }

    public String getAccessCode() {
        return accessCode;
    }

    public void setAccessCode(String accessCode) {
        this.accessCode = accessCode;
    }

    public String getNetworks() {
        return networks;
    }

    public void setNetworks(String networks) {
        this.networks = networks;
    }

    public Review getReview() {
        return review;
    }

    public void setReview(Review review) {
        this.review = review == null ? Review.NONE : review;
    }

    public Review[] getReviews() {
        return Review.values();
    }

    public String getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(String closesAt) {
        this.closesAt = closesAt;
    }
}
