package org.civicit.lms.web.certification;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.civicit.lms.catalog.Catalog;
import org.civicit.lms.catalog.Programme;
import org.civicit.lms.certification.TargetChanges;
import org.civicit.lms.certification.TargetImport;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.roster.Level;
import org.civicit.lms.web.CsvUpload;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.PageMessages;

/**
 * Behind {@code admin/programmes.xhtml}: per programme, how long its certificates last, when
 * renewal is due and the lowest pass mark of a certifying exam; its targets per level and
 * due date, set one at a time or imported from a file.
 */
@Named
@ViewScoped
public class ProgrammesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    @Inject
    Catalog catalog;

    @Inject
    TargetChanges targets;

    @Inject
    TargetImport targetImport;

    @Inject
    RequestOrigin origin;

    private final CsvUpload upload = new CsvUpload();
    private String programme;
    private String validityMonths;
    private String renewalWindowDays;
    private String minPassPercent;

    private Level level;
    private String dueOn;
    private String percent;

    /** A programme as the chooser lists it. */
    public record Choice(String code, String label) implements Serializable {
    }

    @PostConstruct
    void first() {
        catalog.programmes().stream().findFirst().ifPresent(p -> show(p.getCode()));
    }

    /** Shows another programme's terms and targets; the terms form shows what is stored, not a refused input. */
    public void choose() {
        show(programme);
    }

    private void show(String code) {
        catalog.programme(code).ifPresent(p -> {
            programme = p.getCode();
            validityMonths = p.getValidityMonths() == null ? "" : String.valueOf(p.getValidityMonths());
            renewalWindowDays = String.valueOf(p.getRenewalWindowDays());
            minPassPercent = number(p.getMinPassPercent());
        });
    }

    public void saveTerms() {
        try {
            catalog.changeProgramme(programme, validityMonths == null || validityMonths.isBlank() ? null
                    : whole(validityMonths, "catalog.programme.validity", Programme.MAX_VALIDITY_MONTHS),
                    whole(renewalWindowDays, "catalog.programme.renewalWindow", Programme.MAX_RENEWAL_WINDOW_DAYS),
                    decimal(minPassPercent, "catalog.programme.minPass").doubleValue());
            PageMessages.info("admin_programmes.termsSaved", programme);
            show(programme);
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void setTarget() {
        show(programme);
        try {
            targets.set(programme, level, day(dueOn), decimal(percent, "certification.target.percent"));
            PageMessages.info("admin_programmes.targetSaved", programme);
            level = null;
            dueOn = null;
            percent = null;
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    /** Puts a listed target in the form, to change its percentage. */
    public void edit(TargetChanges.Dated target) {
        show(programme);
        level = target.level();
        dueOn = target.dueOn().toString();
        percent = target.percent().toPlainString();
    }

    public void remove(TargetChanges.Dated target) {
        show(programme);
        try {
            targets.remove(programme, target.level(), target.dueOn());
            PageMessages.info("admin_programmes.targetRemoved", programme);
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        }
    }

    public void importFile() {
        show(programme);
        upload.send(origin, targetImport::apply);
    }

    private static int whole(String text, String refusal, int max) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException.Invalid(refusal, max);
        }
    }

    /** A number as a Vietnamese clerk may write it, with a comma or a point. */
    private static BigDecimal decimal(String text, String refusal) {
        try {
            return new BigDecimal(text == null ? "" : text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BusinessException.Invalid(refusal);
        }
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip(), DAY);
            } catch (DateTimeParseException again) {
                throw new BusinessException.Invalid("certification.target.dueOn");
            }
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    public String day(LocalDate date) {
        return date.format(DAY);
    }

    public String moment(TargetChanges.Dated target) {
        return target.setAt().format(MOMENT);
    }

    public List<TargetChanges.Dated> getTargets() {
        return programme == null ? List.of() : targets.of(programme);
    }

    public List<Choice> getProgrammes() {
        boolean english = "en".equals(PageMessages.locale().getLanguage());
        return catalog.programmes().stream()
                .map(p -> new Choice(p.getCode(), (english ? p.getNameEn() : p.getNameVi()) + " (" + p.getCode() + ")"))
                .toList();
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public CsvUpload getUpload() {
        return upload;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getValidityMonths() {
        return validityMonths;
    }

    public void setValidityMonths(String validityMonths) {
        this.validityMonths = validityMonths;
    }

    public String getRenewalWindowDays() {
        return renewalWindowDays;
    }

    public void setRenewalWindowDays(String renewalWindowDays) {
        this.renewalWindowDays = renewalWindowDays;
    }

    public String getMinPassPercent() {
        return minPassPercent;
    }

    public void setMinPassPercent(String minPassPercent) {
        this.minPassPercent = minPassPercent;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public String getDueOn() {
        return dueOn;
    }

    public void setDueOn(String dueOn) {
        this.dueOn = dueOn;
    }

    public String getPercent() {
        return percent;
    }

    public void setPercent(String percent) {
        this.percent = percent;
    }
}
