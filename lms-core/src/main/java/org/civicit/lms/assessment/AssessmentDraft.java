package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an instructor asks for when creating an assessment, before the rules check it;
 * {@code course}, when given, is the course that passing it completes. The exam-day rules
 * are optional: an access code, the networks attempts may come from, what review shows.
 */
public record AssessmentDraft(String code, String title, String programme, String course, String offering, int timeLimitMinutes,
                              double passPercent, int maxAttempts, boolean certifies, OffsetDateTime opensAt,
                              OffsetDateTime closesAt, List<AssessmentSection> sections, List<String> instructors,
                              String accessCode, List<String> networks, Review review) {

    public AssessmentDraft {
        accessCode = accessCode == null || accessCode.isBlank() ? null : accessCode.strip();
        networks = networks == null ? List.of() : networks.stream().map(n -> n == null ? null : n.strip())
                .filter(n -> n == null || !n.isEmpty()).toList();
        review = review == null ? Review.NONE : review;
    }

    /** A draft without exam-day rules. */
    public AssessmentDraft(String code, String title, String programme, String course, String offering,
                           int timeLimitMinutes, double passPercent, int maxAttempts, boolean certifies,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, List<AssessmentSection> sections,
                           List<String> instructors) {
        this(code, title, programme, course, offering, timeLimitMinutes, passPercent, maxAttempts, certifies, opensAt,
                closesAt, sections, instructors, null, List.of(), Review.NONE);
    }
}
