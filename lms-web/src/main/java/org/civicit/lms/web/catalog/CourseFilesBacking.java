package org.civicit.lms.web.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.civicit.lms.catalog.Course;
import org.civicit.lms.enrolment.CourseVersions;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/course-files.xhtml}: the admin or an instructor of a class of a
 * course uploads the next version of the course's Markdown file, and sees its versions and
 * which version each trainee of its classes read and completed.
 */
@Named
@ViewScoped
public class CourseFilesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A course file is text of at most 200,000 characters; anything far larger is not one. */
    private static final long MAX_BYTES = 1_000_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    CourseVersions versions;

    @Inject
    Caller caller;

    private String course;
    private transient Part file;
    private transient List<Course> courses;
    private transient CourseVersions.History history;
    private transient List<CourseVersions.Reader> readers;

    public void load() {
        history = null;
        readers = null;
        if (course == null || course.isBlank()) {
            List<Course> mine = getCourses();
            course = mine.isEmpty() ? null : mine.get(0).getCode();
        }
        if (course != null) {
            fetch();
        }
    }

    private void fetch() {
        try {
            history = versions.history(course, caller.username(), caller.isAdmin());
            readers = versions.readers(course, caller.username(), caller.isAdmin());
        } catch (BusinessException e) {
            course = null;
            PageMessages.refusal(e);
        }
    }

    /** Shows the course chosen in the list. */
    public String choose() {
        return "/instructor/course-files?faces-redirect=true&course=" + (course == null ? "" : course);
    }

    /** Loads the file sent; once loaded, the page comes back by GET, so that reloading it sends nothing again. */
    public String upload() {
        if (file == null || file.getSize() == 0) {
            PageMessages.error("instructor_courses.emptyFile");
            load();
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            PageMessages.error("instructor_courses.tooLarge");
            load();
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            Course loaded = versions.upload(course, file.getSubmittedFileName(), text, caller.username(),
                    caller.isAdmin());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.info("instructor_courses.uploaded", loaded.getCode(), loaded.getRevision());
            return choose();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        } catch (CharacterCodingException e) {
            PageMessages.error("instructor_courses.notUtf8");
        } catch (IOException e) {
            PageMessages.error("bank.import.unreadable");
        }
        load();
        return null;
    }

    /** The lessons a trainee marked done, by version: "v1: 3, v2: 1". */
    public String read(Map<Integer, Long> lessonsByRevision) {
        return lessonsByRevision.entrySet().stream()
                .map(entry -> PageMessages.text("instructor_courses.readInVersion", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    public String when(OffsetDateTime moment) {
        return moment == null ? "" : WHEN.format(moment.atZoneSameInstant(Today.VIETNAM));
    }

    public List<Course> getCourses() {
        if (courses == null) {
            courses = versions.coursesFor(caller.username(), caller.isAdmin());
        }
        return courses;
    }

    public CourseVersions.History getHistory() {
        if (history == null && course != null) {
            fetch();
        }
        return history;
    }

    public List<CourseVersions.Reader> getReaders() {
        if (readers == null && course != null) {
            fetch();
        }
        return readers;
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        this.course = course;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
