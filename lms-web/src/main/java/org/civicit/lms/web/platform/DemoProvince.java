package org.civicit.lms.web.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civicit.lms.assessment.Answer;
import org.civicit.lms.assessment.AssessmentDraft;
import org.civicit.lms.assessment.AssessmentSection;
import org.civicit.lms.assessment.Assessments;
import org.civicit.lms.assessment.Attempt;
import org.civicit.lms.assessment.AttemptStatus;
import org.civicit.lms.assessment.Attempts;
import org.civicit.lms.assessment.BankQuestion;
import org.civicit.lms.assessment.Grading;
import org.civicit.lms.assessment.Presentation;
import org.civicit.lms.assessment.QuestionType;
import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Lesson;
import org.civicit.lms.certification.CertificateImport;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.certification.TargetImport;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.enrolment.CourseProgress;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.OfferingStatus;
import org.civicit.lms.enrolment.OfferingTerms;
import org.civicit.lms.platform.Today;
import org.civicit.lms.roster.Accounts;
import org.civicit.lms.roster.AgencyImport;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Official;
import org.civicit.lms.roster.OfficialImport;
import org.civicit.lms.roster.OfficialQuery;
import org.civicit.lms.roster.Position;
import org.civicit.lms.roster.Role;
import org.civicit.lms.roster.Roster;
import org.civicit.lms.roster.Scope;
import org.civicit.lms.timetable.AttendanceRegister;
import org.civicit.lms.timetable.AttendanceStatus;
import org.civicit.lms.timetable.Timetable;
import org.civicit.lms.timetable.VenueImport;

/**
 * The sample province as a demo that looks lived-in: the roster and its training history
 * from content/sample-province, then, through the same services the API uses, classes in
 * every state, an exam open now with attempts graded and awaiting grading, certificates
 * earned by exam and by courses, and accounts to look at it all with. Everything is the
 * same at every load except the passwords, which are printed once.
 */
@ApplicationScoped
public class DemoProvince {

    private static final Logger LOG = Logger.getLogger(DemoProvince.class.getName());
    private static final String SAMPLE_PROVINCE = "/content/sample-province/";
    /** The demo sits its exam from the server itself; its exam asks no code. */
    private static final Attempts.Entry DEMO_ENTRY = new Attempts.Entry(null, "127.0.0.1");

    static final String ROOT = "TINH";
    static final String DISTRICT = "UBND-YEN-HOA";
    static final String HR_PROVINCE = "hr.tinh";
    static final String HR_DISTRICT = "hr.yenhoa";
    static final String INSTRUCTOR = "giangvien";
    static final String EXAM = "KT-CNTT-CB-DEMO";

    @Inject
    VenueImport venueImport;

    @Inject
    Timetable timetable;

    @Inject
    AttendanceRegister register;

    @Inject
    AgencyImport agencyImport;

    @Inject
    OfficialImport officialImport;

    @Inject
    CertificateImport certificateImport;

    @Inject
    TargetImport targetImport;

    @Inject
    Accounts accounts;

    @Inject
    Roster roster;

    @Inject
    Catalog catalog;

    @Inject
    Certificates certificates;

    @Inject
    Enrolments enrolments;

    @Inject
    CourseProgress progress;

    @Inject
    Assessments assessments;

    @Inject
    Attempts attempts;

    @Inject
    Grading grading;

    /** An account made for the demo, as the start-up log shows it. */
    record DemoAccount(String username, String password, Role role, String agency) {

        String line() {
            return "Demo account: " + username + " / " + password + " (" + role + (agency == null ? "" : ", " + agency) + ")";
        }
    }

    /** Loads everything into an empty database and logs one line per demo account. */
    public void load() {
        ImportResult agencies = agencyImport.apply(sample("agencies.csv"));
        ImportResult officials = officialImport.apply(sample("officials.csv"), Scope.ALL);
        ImportResult history = certificateImport.apply(sample("certificates.csv"), Scope.ALL);
        LOG.info(() -> "Sample province loaded: " + agencies.created() + " agencies, " + officials.created()
                + " officials, " + history.created() + " certificates from before the application");
        ImportResult targets = targetImport.apply(sample("targets.csv"));
        LOG.info(() -> "Sample province targets: " + targets.created());
        ImportResult venues = venueImport.apply(sample("venues.csv"));
        LOG.info(() -> "Sample province venues: " + venues.created() + ", among them its video-conference points");

        List<DemoAccount> staff = List.of(
                staffAccount(HR_PROVINCE, Role.HR, ROOT),
                staffAccount(HR_DISTRICT, Role.HR, DISTRICT),
                staffAccount(INSTRUCTOR, Role.INSTRUCTOR, null));
        Trainees trainees = trainees();
        LocalDate today = Today.date();
        finishedClasses(trainees.finishing(), today);
        openClass(trainees.openClass(), today);
        fullClass(today);
        classInProgress(today);
        examOpenNow(trainees.examTakers());

        List<DemoAccount> demo = new ArrayList<>(staff);
        demo.add(traineeAccount(trainees.examTakers().get(0)));
        demo.add(traineeAccount(trainees.examTakers().get(1)));
        demo.add(traineeAccount(trainees.finishing().get(0)));
        for (DemoAccount account : demo) {
            LOG.warning(account.line());
        }
    }

    private DemoAccount staffAccount(String username, Role role, String agency) {
        String password = Accounts.randomPassword();
        accounts.save(username, password, EnumSet.of(role), agency);
        return new DemoAccount(username, password, role, agency);
    }

    private DemoAccount traineeAccount(Official official) {
        String password = Accounts.randomPassword();
        accounts.setOfficialPassword(Scope.ALL, true, official.getEmployeeCode(), password);
        return new DemoAccount(official.getEmployeeCode(), password, Role.TRAINEE, official.getAgency().getCode());
    }

    /**
     * Who takes part, chosen among the active staff not yet certified in BASIC-IT, those of
     * the demo district first (so that its HR sees them), then by employee code.
     */
    record Trainees(List<Official> examTakers, List<Official> finishing, List<Official> openClass) {
    }

    private Trainees trainees() {
        // Sorted first, so that only as many officials are looked at as the demo needs.
        List<Official> pool = roster.allOfficials(Scope.ALL,
                        new OfficialQuery(Level.COMMUNE, null, null, false, Position.STAFF, null, true)).stream()
                .sorted(Comparator.comparing((Official o) -> !inDistrict(o)).thenComparing(Official::getEmployeeCode))
                .filter(holdsNo("BASIC-IT"))
                .limit(20)
                .toList();
        if (pool.size() < 20) {
            throw new IllegalStateException("The sample province has too few officials without BASIC-IT for the demo");
        }
        List<Official> openClass = new ArrayList<>(pool.subList(1, 4));
        openClass.addAll(pool.subList(10, 20));
        return new Trainees(pool.subList(0, 4), pool.subList(4, 10), openClass);
    }

    private boolean inDistrict(Official official) {
        return official.getAgency().getCode().equals(DISTRICT) || official.getAgency().getCode().startsWith(DISTRICT + "-");
    }

    private Predicate<Official> holdsNo(String programme) {
        return official -> certificates.of(Scope.ALL, official.getEmployeeCode()).stream()
                .noneMatch(c -> c.getProgramme().getCode().equals(programme) && c.getRevokedAt() == null);
    }

    /**
     * The six BASIC-IT modules, one class a week, ended last month: all but the last two
     * trainees did every lesson, and finishing the sixth earned them the programme's
     * certificate; the last two left the sixth after its first lesson.
     */
    private void finishedClasses(List<Official> trainees, LocalDate today) {
        LocalDate start = today.minusWeeks(10);
        for (int module = 1; module <= 6; module++) {
            String course = "IU0" + module;
            String code = course + "-K" + start.getYear() + "-" + monthOf(start);
            LocalDate startsOn = start.plusWeeks(module - 1);
            enrolments.open(code, course, "Lớp " + course + " khóa tháng " + start.getMonthValue() + "/" + start.getYear(),
                    startsOn, startsOn.plusDays(4), 30, "Trường Chính trị tỉnh Sơn Lâm", terms(), HR_PROVINCE);
            for (Official official : trainees) {
                enrolments.enrol(Scope.ALL, code, official.getEmployeeCode());
            }
            enrolments.status(code, OfferingStatus.CLOSED, HR_PROVINCE, false);
            timetable(code, startsOn, 5, LocalTime.of(8, 0), "HT-TRUONG-CT", List.of(), trainees, today);
            List<Lesson> lessons = catalog.lessons(catalog.course(course).orElseThrow());
            for (int i = 0; i < trainees.size(); i++) {
                boolean dropsOut = i >= trainees.size() - 2 && module == 6;
                for (Lesson lesson : dropsOut ? lessons.subList(0, 1) : lessons) {
                    progress.markDone(course, lesson.getNumber(), trainees.get(i));
                }
            }
        }
    }

    /** A class starting in two weeks with seats left. */
    private void openClass(List<Official> trainees, LocalDate today) {
        LocalDate startsOn = today.plusWeeks(2);
        String code = "IU01-" + startsOn.getYear() + "-" + monthOf(startsOn);
        enrolments.open(code, "IU01", "Lớp IU01 tháng " + startsOn.getMonthValue() + "/" + startsOn.getYear(),
                startsOn, startsOn.plusDays(4), 30, "Sở Thông tin và Truyền thông, phòng máy 2",
                new OfferingTerms(today.minusDays(3), startsOn.minusDays(1), false, List.of(INSTRUCTOR)), HR_PROVINCE);
        for (Official official : trainees) {
            enrolments.enrol(Scope.ALL, code, official.getEmployeeCode());
        }
    }

    /** A CIO class for leaders of the province and districts, full, with a line waiting for seats. */
    private void fullClass(LocalDate today) {
        LocalDate startsOn = today.plusDays(10);
        String code = "CIO-01-" + startsOn.getYear() + "-" + monthOf(startsOn);
        enrolments.open(code, "CIO-01", "CIO-01 cho lãnh đạo cơ quan, tháng " + startsOn.getMonthValue(),
                startsOn, startsOn.plusDays(2), 20, "Hội trường Ủy ban nhân dân tỉnh", terms(), HR_PROVINCE);
        roster.allOfficials(Scope.ALL, new OfficialQuery(null, null, null, false, Position.LEADER, null, true)).stream()
                .filter(official -> official.getAgency().getLevel() != Level.COMMUNE)
                .filter(holdsNo("CIO"))
                .limit(24)
                .forEach(official -> enrolments.enrol(Scope.ALL, code, official.getEmployeeCode()));
        timetable(code, startsOn, 3, LocalTime.of(8, 0), "DC-UBND-TINH",
                List.of("DC-TU-TINH", "DC-SON-LAM", "DC-PHU-THINH", "DC-YEN-HOA", "DC-LAM-XUYEN", "DC-BACH-THUY",
                        "DC-KIM-PHONG", "DC-THUONG-AN", "DC-HA-KHE"), List.of(), today);
    }

    /** The first specialist course for the IT staff, running this week; some lessons already done. */
    private void classInProgress(LocalDate today) {
        LocalDate startsOn = today.minusDays(2);
        String code = "ITS-01-" + startsOn.getYear() + "-" + monthOf(startsOn);
        enrolments.open(code, "ITS-01", "ITS-01 cho cán bộ chuyên trách CNTT", startsOn, startsOn.plusDays(6), 25,
                "Sở Thông tin và Truyền thông, phòng máy 1", terms(), HR_PROVINCE);
        List<Official> specialists = roster.allOfficials(Scope.ALL,
                new OfficialQuery(null, null, null, false, Position.IT_SPECIALIST, null, true)).stream().limit(20).toList();
        for (Official official : specialists) {
            enrolments.enrol(Scope.ALL, code, official.getEmployeeCode());
        }
        enrolments.status(code, OfferingStatus.CLOSED, HR_PROVINCE, false);
        timetable(code, startsOn, 7, LocalTime.of(13, 30), "PM-STTTT-1", List.of(), specialists, today);
        List<Lesson> lessons = catalog.lessons(catalog.course("ITS-01").orElseThrow());
        for (int i = 0; i < specialists.size() / 2; i++) {
            for (Lesson lesson : lessons.subList(0, Math.min(2, lessons.size()))) {
                progress.markDone("ITS-01", lesson.getNumber(), specialists.get(i));
            }
        }
    }

    /**
     * An exam open to every official for two weeks, multiple choice and a practical task:
     * the first trainee passed and holds the certificate, the next two wait for the
     * instructor, the fourth failed.
     */
    private void examOpenNow(List<Official> takers) {
        OffsetDateTime now = OffsetDateTime.now();
        // Loaded on the admin's behalf: only the admin creates an exam that certifies.
        assessments.create(new AssessmentDraft(EXAM, "Kiểm tra kỹ năng sử dụng CNTT cơ bản (IU01, IU02)", "BASIC-IT",
                null, null, 60, 50, 2, true, now.minusDays(1), now.plusDays(14),
                List.of(new AssessmentSection("IU01", 8, null), new AssessmentSection("IU02", 7, null),
                        new AssessmentSection("IU01-TH", 1, null)),
                List.of(INSTRUCTOR)), INSTRUCTOR, true);
        Map<Official, Double> practicalPoints = new LinkedHashMap<>();
        practicalPoints.put(takers.get(0), 8.0);
        practicalPoints.put(takers.get(1), null);
        practicalPoints.put(takers.get(2), null);
        practicalPoints.put(takers.get(3), 3.0);
        practicalPoints.forEach((official, points) -> {
            boolean knowsIt = points == null || points >= 5;
            Attempts.View view = attempts.start(EXAM, official, DEMO_ENTRY).view();
            long attemptId = view.attempt().getId();
            List<Long> practical = new ArrayList<>();
            for (Attempts.Item item : view.items()) {
                Answer answer = answer(item.question(), item.item().presentation(), knowsIt);
                if (answer != null) {
                    attempts.answer(attemptId, item.item().getQuestionId(), official, answer, DEMO_ENTRY.address());
                }
                if (item.question().type() == QuestionType.ESSAY) {
                    practical.add(item.item().getQuestionId());
                }
            }
            Attempt submitted = attempts.submit(attemptId, official);
            if (points != null && submitted.getStatus() == AttemptStatus.AWAITING_GRADING) {
                for (long questionId : practical) {
                    grading.grade(attemptId, questionId, points, points >= 5 ? "Đạt yêu cầu, trình bày rõ ràng."
                            : "Thiếu phần 2 và phần 3; cần làm lại.", null, INSTRUCTOR, false);
                }
            }
        });
    }

    /**
     * An answer as a trainee who knows the subject (or does not) would give, in the
     * numbering of this attempt's view; {@code null} leaves the question unanswered.
     */
    static Answer answer(BankQuestion question, Presentation shown, boolean right) {
        return switch (question.type()) {
            case SINGLE_CHOICE, TRUE_FALSE, MULTIPLE_CHOICE -> {
                List<Integer> places = new ArrayList<>();
                for (int place = 1; place <= shown.optionOrder().size(); place++) {
                    places.add(place);
                }
                Comparator<Integer> byWeight = Comparator.comparingDouble(place -> fractionAt(question, shown, place));
                if (right && question.type() == QuestionType.MULTIPLE_CHOICE) {
                    yield new Answer(places.stream().filter(place -> fractionAt(question, shown, place) > 0).toList(),
                            null, null);
                }
                yield new Answer(List.of(right ? places.stream().max(byWeight).orElseThrow()
                        : places.stream().min(byWeight).orElseThrow()), null, null);
            }
            case SHORT_ANSWER -> right ? new Answer(null, question.options().stream()
                    .max(Comparator.comparingDouble(BankQuestion.Option::fraction)).orElseThrow()
                    .text().replace("*", ""), null) : new Answer(null, "Không nhớ", null);
            case NUMERICAL -> right ? new Answer(null, question.ranges().stream()
                    .max(Comparator.comparingDouble(BankQuestion.Range::fraction))
                    .map(r -> String.valueOf((r.min() + r.max()) / 2)).orElseThrow(), null) : null;
            case MATCHING -> right ? new Answer(null, null, matches(question, shown)) : null;
            case ESSAY -> new Answer(null, right ? PRACTICAL_ANSWER : "Em chưa làm xong bài này.", null);
            case DESCRIPTION -> null;
        };
    }

    private static final String PRACTICAL_ANSWER = """
            Phần 1. Máy tính làm việc: CPU Intel Core i5, RAM 8 GB; ổ C còn trống 120 GB = 120 × 1024 = 122880 MB.
            Phần 2. Windows 11 (hệ thống, thương mại, còn hỗ trợ); Microsoft Word (ứng dụng, thương mại); \
            LibreOffice Calc (ứng dụng, nguồn mở); Firefox (ứng dụng, nguồn mở); phần mềm quản lý văn bản \
            và điều hành (ứng dụng, thương mại). Tất cả phiên bản đang dùng còn được hỗ trợ.
            Phần 3. Tải xuống 80 Mbps = 10 MB/giây; tải lên 40 Mbps = 5 MB/giây.""";

    private static double fractionAt(BankQuestion question, Presentation shown, int place) {
        return question.options().get(shown.optionOrder().get(place - 1)).fraction();
    }

    /** Each item shown paired with the choice shown that is its right-hand side. */
    private static Map<Integer, Integer> matches(BankQuestion question, Presentation shown) {
        List<BankQuestion.Pair> items = question.matchedPairs();
        List<String> choices = question.choices();
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        for (int place = 1; place <= shown.optionOrder().size(); place++) {
            String right = items.get(shown.optionOrder().get(place - 1)).right();
            for (int choice = 1; choice <= shown.choiceOrder().size(); choice++) {
                if (choices.get(shown.choiceOrder().get(choice - 1)).equals(right)) {
                    pairs.put(place, choice);
                }
            }
        }
        return pairs;
    }

    /**
     * One session a day from {@code firstDay}, three hours from {@code from}; the sessions
     * before today marked by the instructor: nearly everyone came, one in seven missed a
     * session (never more than one of them), and a few were late.
     */
    private void timetable(String code, LocalDate firstDay, int days, LocalTime from, String venue, List<String> points,
            List<Official> trainees, LocalDate today) {
        for (int day = 0; day < days; day++) {
            LocalDate date = firstDay.plusDays(day);
            long session = timetable.add(code, date.atTime(from), date.atTime(from.plusHours(3)), venue, points,
                    HR_PROVINCE, false).getId();
            if (!date.isBefore(today) || trainees.isEmpty()) {
                continue;
            }
            List<AttendanceRegister.Mark> marks = new ArrayList<>();
            for (int i = 0; i < trainees.size(); i++) {
                AttendanceStatus status = (i + day) % 7 == 0 && i > 0 ? AttendanceStatus.ABSENT
                        : (i * (day + 1)) % 11 == 5 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
                marks.add(new AttendanceRegister.Mark(trainees.get(i).getEmployeeCode(), status));
            }
            register.mark(code, session, marks, INSTRUCTOR, false);
        }
    }

    private static OfferingTerms terms() {
        return new OfferingTerms(null, null, false, List.of(INSTRUCTOR));
    }

    private static String monthOf(LocalDate day) {
        return String.format("%02d", day.getMonthValue());
    }

    private InputStream sample(String file) {
        InputStream in = getClass().getResourceAsStream(SAMPLE_PROVINCE + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Sample province file missing: " + file));
        }
        return in;
    }
}
