package org.civicit.lms.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.HashSet;
import java.util.Set;

import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.ContentHash;

/**
 * One course as written in {@code content/catalog}: a front matter of {@code key: value}
 * lines between two {@code ---} lines, then the lessons in Markdown. An optional {@code bank}
 * names the GIFT file in {@code content/banks} whose questions assess the course, and an
 * optional {@code prerequisites} the courses to complete first, comma separated.
 */
public record CourseFile(String code, String programme, String title, String titleEn, int hours, String bank,
                         List<String> prerequisites, String body, String hash) {

    private static final Pattern LESSON = Pattern.compile("^## Bài (\\d+)\\.\\s*(.+)$");

    /** One lesson: a {@code ## Bài N. Title} heading and the Markdown up to the next {@code ##} heading. */
    public record LessonText(int number, String title, String markdown) {
    }

    /** The longest text a course or one lesson may hold, as the database stores it. */
    public static final int BODY_LENGTH = 200_000;
    static final int TITLE_LENGTH = 255;
    static final int PREREQUISITES_LENGTH = 200;

    private static final List<String> KEYS = List.of("code", "programme", "title", "title_en", "hours");
    private static final String FENCE = "---";

    /** Reads a course file; a broken one is refused with what is wrong and where. */
    public static CourseFile parse(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        String[] lines = normalised.split("\n", -1);
        if (lines.length < 2 || !lines[0].strip().equals(FENCE)) {
            throw new IllegalArgumentException(name + ": line 1 must be '---', the start of the front matter");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int line = 1;
        for (; line < lines.length && !lines[line].strip().equals(FENCE); line++) {
            String entry = lines[line];
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(name + ": line " + (line + 1) + " is not 'key: value'");
            }
            values.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        if (line == lines.length) {
            throw new IllegalArgumentException(name + ": the front matter has no closing '---'");
        }
        for (String key : KEYS) {
            if (values.getOrDefault(key, "").isEmpty()) {
                throw new IllegalArgumentException(name + ": the front matter lacks '" + key + "'");
            }
        }
        int hours;
        try {
            hours = Integer.parseInt(values.get("hours"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": hours must be a whole number, not '" + values.get("hours") + "'");
        }
        String body = String.join("\n", List.of(lines).subList(line + 1, lines.length)).strip();
        return new CourseFile(values.get("code"), values.get("programme"), values.get("title"),
                values.get("title_en"), hours, values.get("bank"), codes(values.get("prerequisites")), body,
                ContentHash.sha256(normalised));
    }

    private static List<String> codes(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    /** The lessons of the body, in order; the text before the first lesson introduces the course. */
    public List<LessonText> lessons() {
        List<LessonText> lessons = new ArrayList<>();
        Integer number = null;
        String title = null;
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            Matcher heading = LESSON.matcher(line.strip());
            if (heading.matches() || (line.startsWith("## ") && number != null)) {
                if (number != null) {
                    lessons.add(new LessonText(number, title, text.toString().strip()));
                }
                number = heading.matches() ? Integer.valueOf(heading.group(1)) : null;
                title = heading.matches() ? heading.group(2).strip() : null;
                text.setLength(0);
            } else if (number != null) {
                text.append(line).append('\n');
            }
        }
        if (number != null) {
            lessons.add(new LessonText(number, title, text.toString().strip()));
        }
        return lessons;
    }

    /**
     * Refuses a file uploaded as a new version of a course when it could not stand in for the
     * one there: it names another course or programme, says nothing new, has no lesson, numbers
     * two lessons alike, names a prerequisite that does not exist, or is longer than is kept.
     */
    public void checkAsVersionOf(String courseCode, String programmeCode, String currentHash, Set<String> courses) {
        if (!code.equals(courseCode)) {
            throw new BusinessException.Invalid("courseFile.otherCourse", code, courseCode);
        }
        if (!programme.equals(programmeCode)) {
            throw new BusinessException.Invalid("courseFile.otherProgramme", programme, programmeCode);
        }
        if (hash.equals(currentHash)) {
            throw new BusinessException.Invalid("courseFile.unchanged");
        }
        if (title.length() > TITLE_LENGTH || titleEn.length() > TITLE_LENGTH) {
            throw new BusinessException.Invalid("courseFile.titleTooLong", TITLE_LENGTH);
        }
        if (hours < 1) {
            throw new BusinessException.Invalid("courseFile.hours");
        }
        if (body.length() > BODY_LENGTH) {
            throw new BusinessException.Invalid("courseFile.tooLong", BODY_LENGTH);
        }
        for (String prerequisite : prerequisites) {
            if (prerequisite.equals(code) || !courses.contains(prerequisite)) {
                throw new BusinessException.Invalid("courseFile.prerequisite", prerequisite);
            }
        }
        if (String.join(",", prerequisites).length() > PREREQUISITES_LENGTH) {
            throw new BusinessException.Invalid("courseFile.prerequisitesTooLong", PREREQUISITES_LENGTH);
        }
        List<LessonText> lessons = lessons();
        if (lessons.isEmpty()) {
            throw new BusinessException.Invalid("courseFile.noLessons");
        }
        Set<Integer> numbers = new HashSet<>();
        for (LessonText lesson : lessons) {
            if (!numbers.add(lesson.number())) {
                throw new BusinessException.Invalid("courseFile.lessonRepeated", lesson.number());
            }
            if (lesson.title().length() > TITLE_LENGTH) {
                throw new BusinessException.Invalid("courseFile.lessonTitleTooLong", lesson.number(), TITLE_LENGTH);
            }
        }
    }
}
