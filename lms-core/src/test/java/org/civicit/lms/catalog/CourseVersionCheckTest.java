package org.civicit.lms.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.civicit.lms.platform.BusinessException;
import org.junit.jupiter.api.Test;

/** What a file uploaded as a new version of a course must be to stand in for the current one. */
class CourseVersionCheckTest {

    private static final String FILE = """
            ---
            code: IU04
            programme: BASIC-IT
            title: Sử dụng bảng tính cơ bản
            title_en: Basic spreadsheets
            hours: 12
            ---
            ## Bài 1. Ô và công thức
            Nội dung.

            ## Bài 2. Biểu đồ
            Nội dung.
            """;
    private static final Set<String> COURSES = Set.of("IU01", "IU02", "IU04");

    private static void check(String text) {
        CourseFile.parse("IU04.md", text).checkAsVersionOf("IU04", "BASIC-IT", "old-hash", COURSES);
    }

    private static void refused(String text, String key) {
        assertThatThrownBy(() -> check(text)).isInstanceOf(BusinessException.Invalid.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo(key);
    }

    @Test
    void aSoundFileOfTheSameCourseIsTaken() {
        assertThatCode(() -> check(FILE)).doesNotThrowAnyException();
        assertThatCode(() -> check(FILE.replace("hours: 12", "hours: 12\nprerequisites: IU01, IU02")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFileOfAnotherCourseOrProgrammeIsRefused() {
        refused(FILE.replace("code: IU04", "code: IU05"), "courseFile.otherCourse");
        refused(FILE.replace("programme: BASIC-IT", "programme: CIO"), "courseFile.otherProgramme");
    }

    @Test
    void theSameFileAgainChangesNothing() {
        CourseFile file = CourseFile.parse("IU04.md", FILE);
        assertThatThrownBy(() -> file.checkAsVersionOf("IU04", "BASIC-IT", file.hash(), COURSES))
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("courseFile.unchanged");
    }

    @Test
    void lessonsMustBeThereEachWithItsOwnNumber() {
        refused(FILE.substring(0, FILE.indexOf("## Bài 1.")) + "Chỉ có lời giới thiệu.\n", "courseFile.noLessons");
        refused(FILE.replace("## Bài 2.", "## Bài 1."), "courseFile.lessonRepeated");
        refused(FILE.replace("Biểu đồ", "x".repeat(256)), "courseFile.lessonTitleTooLong");
    }

    @Test
    void whatTheDatabaseCouldNotKeepIsRefusedBeforeWriting() {
        refused(FILE.replace("title: Sử dụng bảng tính cơ bản", "title: " + "t".repeat(256)), "courseFile.titleTooLong");
        refused(FILE + "x".repeat(CourseFile.BODY_LENGTH), "courseFile.tooLong");
        refused(FILE.replace("hours: 12", "hours: 0"), "courseFile.hours");
    }

    @Test
    void prerequisitesMustBeOtherCoursesOfTheCatalogue() {
        refused(FILE.replace("hours: 12", "hours: 12\nprerequisites: IU09"), "courseFile.prerequisite");
        refused(FILE.replace("hours: 12", "hours: 12\nprerequisites: IU04"), "courseFile.prerequisite");
    }
}
