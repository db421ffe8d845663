package org.civicit.lms.assessment;

/** The kinds of question a bank holds, as GIFT writes them. */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, NUMERICAL, MATCHING, ESSAY,
    /** Text shown in the paper with no answer, as Moodle's description items. */
    DESCRIPTION;

    /** Whether the application scores it alone; an essay waits for an instructor. */
    public boolean autoGraded() {
        return this != ESSAY && this != DESCRIPTION;
    }

    /** Whether the trainee answers it at all: a description is only read. */
    public boolean answered() {
        return this != DESCRIPTION;
    }

    /** Whether the trainee answers by picking options. */
    public boolean picksOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == TRUE_FALSE;
    }
}
