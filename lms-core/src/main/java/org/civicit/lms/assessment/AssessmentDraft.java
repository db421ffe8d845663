package org.civicit.lms.assessment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an instructor asks for when creating an assessment, before the rules check it;
 * {@code course}, when given, is the course that passing it completes.
 */
public record AssessmentDraft(String code, String title, String programme, String course, String offering, int timeLimitMinutes,
                              double passPercent, int maxAttempts, boolean certifies, OffsetDateTime opensAt,
                              OffsetDateTime closesAt, List<AssessmentSection> sections, List<String> instructors) {
}
