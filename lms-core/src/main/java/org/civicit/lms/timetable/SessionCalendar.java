package org.civicit.lms.timetable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.platform.Today;

/**
 * Sessions and exam windows as iCalendar, written by ical4j. Times go out in UTC, which every calendar
 * program shows in its own zone, so no time-zone definition needs to travel with them. A
 * session keeps its UID for good; a cancelled one (or one of a cancelled class) is sent with
 * STATUS:CANCELLED and a higher SEQUENCE, so programs that hold it strike it out.
 */
public final class SessionCalendar {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    private static final String PRODUCT = "-//Civic IT LMS//Timetable//VI";
    private static final String UID_DOMAIN = "@timetable.civicit-lms";

    private SessionCalendar() {
    }

    /** The UID a session has in every calendar. */
    public static String uid(ClassSession session) {
        return "session-" + session.getId() + UID_DOMAIN;
    }

    /** The UID an exam window has in every calendar. */
    public static String uid(CalendarFeeds.ExamWindow exam) {
        return "exam-" + exam.id() + UID_DOMAIN;
    }

    public static void write(List<ClassSession> sessions, String name, OutputStream out) {
        write(sessions, List.of(), name, out);
    }

    /** Sessions, then exam windows. */
    public static void write(List<ClassSession> sessions, List<CalendarFeeds.ExamWindow> exams, String name, OutputStream out) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        sessions.forEach(s -> calendar.add(event(s)));
        exams.forEach(e -> calendar.add(event(e)));
        try {
            // The outputter closes the writer it is given, so it writes to a buffer: a timetable is small.
            // Not validated on the way out: an empty timetable is a calendar without events, which is fine to send.
            StringWriter text = new StringWriter();
            new CalendarOutputter(false).output(calendar, text);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An exam's window, from its opening to its closing. Its row version is the SEQUENCE, so any
     * change to the exam reaches calendars that hold it; an exam of a cancelled class is struck out.
     */
    private static VEvent event(CalendarFeeds.ExamWindow exam) {
        VEvent event = new VEvent(exam.opensAt().toInstant(), exam.closesAt().toInstant(),
                "Kiểm tra / Exam: " + exam.title() + " (" + exam.code() + ")");
        event.add(new Uid(uid(exam)));
        event.add(new Description("Thời gian làm bài / Time limit: " + exam.timeLimitMinutes() + " phút / min"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, exam.version() + (exam.cancelled() ? 1 : 0))));
        event.add(exam.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static VEvent event(ClassSession session) {
        Offering offering = session.getOffering();
        VEvent event = new VEvent(session.getStartsAt().atZone(Today.VIETNAM).toInstant(),
                session.getEndsAt().atZone(Today.VIETNAM).toInstant(), offering.getTitle() + " (" + offering.getCode() + ")");
        event.add(new Uid(uid(session)));
        Venue venue = session.getVenue();
        event.add(new Location(venue.getAddress() == null ? venue.getName() : venue.getName() + ", " + venue.getAddress()));
        if (!session.getVideoPoints().isEmpty()) {
            event.add(new Description("Điểm cầu / Video-conference points: " + session.getVideoPoints().stream()
                    .map(Venue::getName).sorted().collect(Collectors.joining(", "))));
        }
        boolean cancelled = session.isCancelled() || offering.getStatus() == OfferingStatus.CANCELLED;
        event.add(new Sequence(session.getRevision() + (offering.getStatus() == OfferingStatus.CANCELLED ? 1 : 0)));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
