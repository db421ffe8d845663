package org.civicit.lms.web.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.certification.Certificates;
import org.civicit.lms.csv.EnumText;
import org.civicit.lms.enrolment.Enrolments;
import org.civicit.lms.enrolment.Offering;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.platform.Today;
import org.civicit.lms.platform.Written;
import org.civicit.lms.reporting.CertificationReport;
import org.civicit.lms.reporting.CountProgress;
import org.civicit.lms.reporting.Grouping;
import org.civicit.lms.reporting.ItStaffReport;
import org.civicit.lms.reporting.OfficialsExport;
import org.civicit.lms.reporting.ReportRow;
import org.civicit.lms.reporting.Slice;
import org.civicit.lms.roster.Level;
import org.civicit.lms.roster.Sector;
import org.civicit.lms.web.ContentDisposition;
import org.civicit.lms.web.Tables;
import org.civicit.lms.web.enrolment.ClassBacking;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code hr/dashboard.xhtml}, where HR and the admin land: the certification rates of
 * the caller's scope against the targets, as a table and charts, drilled down by level,
 * district and agency to the officials not yet certified, who can be downloaded or sent to
 * a class's bulk enrolment. The state is all in the address, so a drill-down can be
 * bookmarked and the browser's Back button walks it back up.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More bars than this make an unreadable chart; the table says it all. */
    private static final int MAX_BARS = 40;
    /** The most officials a page lists; the downloads have them all. */
    static final int MAX_LISTED = 2000;
    private static final String DEFAULT_PROGRAMME = "BASIC-IT";

    @Inject
    CertificationReport report;

    @Inject
    ItStaffReport itStaffReport;

    @Inject
    CountProgress countProgress;

    @Inject
    OfficialsExport officialsExport;

    @Inject
    Certificates certificates;

    @Inject
    Catalog catalog;

    @Inject
    Enrolments enrolments;

    @Inject
    Caller caller;

    // The address: what is shown and where the drill-down stands.
    private String programme;
    private String asOf;
    private String by;
    private String level;
    private String sector;
    private String district;
    private String agency;
    private String offering;
    private String listSort = "name";
    private boolean listDescending;

    // Read once per view and language, as the page is drawn: the groups' names are in the page's language.
    private transient Locale readFor;
    private transient List<ReportRow> rows;
    private transient List<ReportRow> itStaffRows;
    private transient CertificationReport.Trend trend;
    private transient List<OfficialsExport.Line> notCertified;

    public List<Programme> getProgrammes() {
        return catalog.programmes();
    }

    public String programmeName(Programme programme) {
        return locale().getLanguage().equals("vi") ? programme.getNameVi() : programme.getNameEn();
    }

    public Grouping[] getGroupings() {
        return new Grouping[] {Grouping.LEVEL, Grouping.DISTRICT, Grouping.SECTOR, Grouping.AGENCY};
    }

    public List<ReportRow> getRows() {
        if (stale() || rows == null) {
            rows = report.run(caller.scope(), programmeCode(), grouping(), slice(), day(), locale());
        }
        return rows;
    }

    /** Whether what was read is in another language than the page now: then it is all read again. */
    private boolean stale() {
        if (locale().equals(readFor)) {
            return false;
        }
        readFor = locale();
        rows = null;
        itStaffRows = null;
        trend = null;
        notCertified = null;
        return true;
    }

    /** Of the active IT staff, how many hold an IT degree, grouped and sliced as the rates are. */
    public List<ReportRow> getItStaffRows() {
        if (stale() || itStaffRows == null) {
            itStaffRows = itStaffReport.run(caller.scope(), grouping(), slice(), locale());
        }
        return itStaffRows;
    }

    public CertificationReport.Trend getTrend() {
        if (stale() || trend == null) {
            trend = report.trend(caller.scope(), programmeCode(), null, day(), CertificationReport.Step.YEAR, locale());
        }
        return trend;
    }

    /** Progress toward the count targets: leaders through the CIO programme, specialist trainings. */
    public List<CountProgress.Progress> getCountTargets() {
        return getProgrammes().stream()
                .map(p -> countProgress.of(caller.scope(), p.getCode(), day()))
                .filter(p -> p.target() != null)
                .toList();
    }

    /** Per programme whose certificates expire: how many officials are due to renew now. */
    public List<Map.Entry<String, Integer>> getRenewalsDue() {
        return getProgrammes().stream().filter(p -> p.getValidityMonths() != null)
                .map(p -> Map.entry(p.getCode(), certificates.dueForRenewal(caller.scope(), p.getCode()).size()))
                .toList();
    }

    public String renewalText(Map.Entry<String, Integer> due) {
        return PageMessages.text("dashboard.renewals.due", due.getKey(), due.getValue());
    }

    /** Whether the scope holds no active official at all, so the page says how to bring them in. */
    public boolean isNobody() {
        List<ReportRow> all = getRows();
        return all.get(all.size() - 1).officials() == 0;
    }

    public String getListCountText() {
        return PageMessages.text("dashboard.list.count", getNotCertified().size(), programmeCode(), Written.day(day()));
    }

    /** Sorts the list by a column, the other way round when it is already sorted by it. */
    public void sortList(String column) {
        listDescending = column.equals(listSort) && !listDescending;
        listSort = column;
        notCertified = null;
    }

    /** The arrow beside the column the list is sorted by. */
    public String sortMark(String column) {
        return column.equals(listSort) ? (listDescending ? " \u25BC" : " \u25B2") : "";
    }

    private Comparator<OfficialsExport.Line> listOrder() {
        Collator collator = Collator.getInstance(PageMessages.locale());
        Comparator<OfficialsExport.Line> order = switch (listSort) {
            case "code" -> Comparator.comparing(OfficialsExport.Line::employeeCode);
            case "agency" -> Comparator.comparing(OfficialsExport.Line::agencyName, collator)
                    .thenComparing(OfficialsExport.Line::fullName, collator);
            default -> Comparator.comparing(OfficialsExport.Line::fullName, collator);
        };
        return listDescending ? order.reversed() : order;
    }

    /** The officials of the agency drilled into who are not certified on the day. */
    public List<OfficialsExport.Line> getNotCertified() {
        if (stale() || notCertified == null) {
            try {
                notCertified = agency == null ? List.of() : officialsExport.list(caller.scope(),
                        officialsExport.programmeId(programmeCode()), day(), selection(), MAX_LISTED)
                        .stream().sorted(listOrder()).toList();
            } catch (BusinessException e) {
                PageMessages.refusal(e);
                notCertified = List.of();
            }
        }
        return notCertified;
    }

    public boolean isListShown() {
        return agency != null;
    }

    public String getAgencyName() {
        return agency == null ? null : getRows().stream().filter(r -> r.group().equals(agency)).findFirst()
                .map(ReportRow::name).orElse(agency);
    }

    /** The classes of the programme that take enrolments, for the list to be sent to. */
    public List<Offering> getOpenClasses() {
        String code = programmeCode();
        return enrolments.openClasses().stream()
                .filter(o -> o.getCourse().getProgramme().getCode().equals(code))
                .toList();
    }

    // ---- drill-down ----

    /** Where a click on the row leads: the next grouping, or the agency's list; null for the total. */
    public String drill(ReportRow row) {
        if (row.isTotal()) {
            return null;
        }
        Map<String, String> next = state();
        switch (grouping()) {
            case LEVEL -> {
                next.put("level", row.group());
                next.put("by", row.group().equals(Level.PROVINCE.name()) ? "agency" : "district");
            }
            case SECTOR -> {
                next.put("sector", row.group());
                next.put("by", "district");
            }
            case DISTRICT -> {
                next.put("district", row.group());
                next.put("by", "agency");
            }
            case AGENCY -> next.put("agency", row.group());
        }
        return link(next);
    }

    /** The way back up: each step of the drill-down so far, as a label and its address. */
    public List<Map.Entry<String, String>> getTrail() {
        List<Map.Entry<String, String>> trail = new ArrayList<>();
        Map<String, String> at = new LinkedHashMap<>();
        at.put("programme", programmeCode());
        at.put("asOf", day().toString());
        at.put("by", topGrouping().name().toLowerCase(Locale.ROOT));
        trail.add(Map.entry(PageMessages.text("dashboard.trail.all"), link(at)));
        if (level != null) {
            at.put("level", level);
            at.put("by", level.equals(Level.PROVINCE.name()) ? "agency" : "district");
            trail.add(Map.entry(PageMessages.text("Level." + level), link(at)));
        }
        if (sector != null) {
            at.put("sector", sector);
            at.put("by", "district");
            trail.add(Map.entry(PageMessages.text("Sector." + sector), link(at)));
        }
        if (district != null) {
            at.put("district", district);
            at.put("by", "agency");
            trail.add(Map.entry(district.equals(Slice.PROVINCE_GROUP) ? PageMessages.text("report.group.province")
                    : district, link(at)));
        }
        if (agency != null) {
            at.put("agency", agency);
            trail.add(Map.entry(getAgencyName(), link(at)));
        }
        return trail.size() > 1 ? trail : List.of();
    }

    /** The grouping the drill-down started from. */
    private Grouping topGrouping() {
        if (level != null) {
            return Grouping.LEVEL;
        }
        if (sector != null) {
            return Grouping.SECTOR;
        }
        return district != null ? Grouping.DISTRICT : grouping();
    }

    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("programme", programmeCode());
        state.put("asOf", day().toString());
        state.put("by", grouping().name().toLowerCase(Locale.ROOT));
        if (level != null) {
            state.put("level", level);
        }
        if (sector != null) {
            state.put("sector", sector);
        }
        if (district != null) {
            state.put("district", district);
        }
        return state;
    }

    private static String link(Map<String, String> parameters) {
        StringBuilder url = new StringBuilder("dashboard.xhtml");
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    // ---- numbers and charts ----

    public String percent(BigDecimal value) {
        return value == null ? "" : Written.percent(value, locale());
    }

    public String count(long value) {
        return Written.count(value, locale());
    }

    public String getDayWritten() {
        return Written.day(day());
    }

    public String written(LocalDate day) {
        return Written.day(day);
    }

    /** The bar chart of rate against target per group, as Chart.js reads it; null when there are too many groups. */
    public String getBarChart() {
        List<ReportRow> groups = getRows().stream().filter(r -> !r.isTotal()).toList();
        if (groups.isEmpty() || groups.size() > MAX_BARS) {
            return null;
        }
        return Charts.rateAgainstTarget(groups, PageMessages.text("dashboard.chart.rate"),
                PageMessages.text("dashboard.chart.target"));
    }

    public String getTrendChart() {
        return Charts.trend(getTrend(), level -> PageMessages.text("Level." + level.name()),
                level -> PageMessages.text("dashboard.chart.targetOf", PageMessages.text("Level." + level.name())));
    }

    /** The years of the trend with each level's rate, the chart's data as a table for those who cannot see it. */
    public List<CertificationReport.Point> getTrendPoints() {
        return getTrend().points();
    }

    public String rateOf(CertificationReport.Point point, Level level) {
        return point.rows().stream().filter(r -> r.group().equals(level.name())).findFirst()
                .map(r -> percent(r.ratePercent())).orElse("");
    }

    public Level[] getLevels() {
        return Level.values();
    }

    // ---- actions ----

    public void downloadXlsx() throws IOException {
        download(true);
    }

    public void downloadCsv() throws IOException {
        download(false);
    }

    /** The list of those not certified, the whole of it, straight to the response. */
    private void download(boolean xlsx) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        long programmeId = officialsExport.programmeId(programmeCode());
        String name = PageMessages.text("dashboard.file", programmeCode(), agency, day().toString());
        external.responseReset();
        external.setResponseContentType(xlsx ? Tables.XLSX : Tables.CSV);
        external.setResponseHeader("Content-Disposition",
                ContentDisposition.attachment(name + (xlsx ? ".xlsx" : ".csv")));
        try (OutputStream stream = external.getResponseOutputStream()) {
            Tables.write(stream, xlsx, programmeCode(), OfficialsExport.HEADER,
                    out -> officialsExport.write(caller.scope(), programmeId, day(), selection(), out));
        }
        faces.responseComplete();
    }

    /** Shows what the form chose, from the top of the report again. */
    public String show() {
        level = null;
        sector = null;
        district = null;
        agency = null;
        return "/hr/dashboard?faces-redirect=true&includeViewParams=true";
    }

    /** Takes the officials not yet certified to the chosen class's bulk enrolment, to be previewed there. */
    public String enrolInClass() {
        if (offering == null || offering.isBlank()) {
            PageMessages.error("dashboard.enrol.chooseClass");
            return null;
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        officialsExport.list(caller.scope(), officialsExport.programmeId(programmeCode()), day(), selection(),
                MAX_LISTED).forEach(line -> codes.add(line.employeeCode()));
        ClassBacking.choose(codes, PageMessages.text("dashboard.enrol.chosen", codes.size(), getAgencyName(),
                programmeCode()));
        return "/hr/class?faces-redirect=true&code=" + URLEncoder.encode(offering, StandardCharsets.UTF_8);
    }

    // ---- what the address says, checked ----

    /** A programme the address does not name, or names wrongly, is BASIC-IT, the one most asked about. */
    private String programmeCode() {
        return getProgrammes().stream().map(Programme::getCode)
                .filter(code -> code.equals(programme == null ? null : programme.strip()))
                .findFirst().orElse(DEFAULT_PROGRAMME);
    }

    private Grouping grouping() {
        Grouping grouping = parse(Grouping.class, by);
        return grouping == null ? Grouping.LEVEL : grouping;
    }

    private Slice slice() {
        return new Slice(parse(Level.class, level), parse(Sector.class, sector), district);
    }

    private OfficialsExport.Selection selection() {
        return new OfficialsExport.Selection(agency, false, false);
    }

    /** The day asked about; a day the address gets wrong is today, as when it names none. */
    private LocalDate day() {
        if (asOf == null || asOf.isBlank()) {
            return Today.date();
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            return Today.date();
        }
    }

    /** A value of the address; one that means nothing is as if not given (the page then shows everything). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : EnumText.parse(type, value).orElse(null);
    }

    private static Locale locale() {
        return PageMessages.locale();
    }

    /** For the form: the programme shown, whether or not the address named it. */
    public String getProgramme() {
        return programmeCode();
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getAsOf() {
        return day().toString();
    }

    public void setAsOf(String asOf) {
        this.asOf = asOf;
    }

    public String getBy() {
        return grouping().name();
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = blank(level);
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = blank(sector);
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = blank(district);
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = blank(agency);
    }

    public String getOffering() {
        return offering;
    }

    public void setOffering(String offering) {
        this.offering = offering;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
