package org.civicit.lms.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Part;

import org.civicit.lms.csv.CsvRejectedException;
import org.civicit.lms.csv.ImportResult;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.Messages;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.roster.ImportBacking;

/**
 * One CSV file sent from a page and what became of it: the counts, or every error by line
 * and column as the import listed them, exactly as {@code hr/import.xhtml} shows them.
 * A page's backing keeps one and shows it with {@code WEB-INF/includes/import.xhtml}.
 */
public class CsvUpload implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The import the file goes to. */
    @FunctionalInterface
    public interface Import {
        ImportResult apply(InputStream csv);
    }

    private transient Part file;
    private ImportResult result;
    private List<ImportBacking.Problem> problems = List.of();
    private int problemCount;

    /** Sends the chosen file to the import; the page then shows the counts or the errors. */
    public void send(RequestOrigin origin, Import target) {
        result = null;
        problems = List.of();
        problemCount = 0;
        if (file == null) {
            PageMessages.error("hr_import.input.file.required");
            return;
        }
        Locale locale = PageMessages.locale();
        origin.upload(file.getSubmittedFileName());
        try (InputStream csv = file.getInputStream()) {
            result = target.apply(csv);
        } catch (CsvRejectedException e) {
            problemCount = e.total();
            problems = e.errors().stream()
                    .map(err -> new ImportBacking.Problem(err.line(), err.column(),
                            Messages.text(locale, err.messageKey(), err.arguments())))
                    .toList();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        } catch (IOException e) {
            PageMessages.error("hr_import.unreadable");
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public ImportResult getResult() {
        return result;
    }

    public List<ImportBacking.Problem> getProblems() {
        return problems;
    }

    public int getProblemCount() {
        return problemCount;
    }
}
