package org.civicit.lms.web.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.civicit.lms.assessment.QuestionBanks;
import org.civicit.lms.assessment.gift.BankFormat;
import org.civicit.lms.assessment.gift.BankRejectedException;
import org.civicit.lms.platform.BusinessException;
import org.civicit.lms.web.audit.RequestOrigin;
import org.civicit.lms.web.problem.PageMessages;
import org.civicit.lms.web.security.Caller;

/**
 * Behind {@code instructor/banks.xhtml}: an instructor sends a GIFT or Aiken file and sees
 * either what it added and changed or every problem with its line, as the API reports them;
 * and the categories held, each to export for who may read its keys.
 */
@Named
@ViewScoped
public class BanksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A problem of the file as the page lists it. */
    public record Problem(int line, String message) implements Serializable {
    }

    @Inject
    QuestionBanks banks;

    @Inject
    Caller caller;

    @Inject
    RequestOrigin origin;

    private BankFormat format = BankFormat.GIFT;
    private String category;
    private transient Part file;
    private transient QuestionBanks.Imported imported;
    private List<Problem> problems = List.of();
    private transient List<Map.Entry<String, Long>> categories;
    private transient Set<String> readable;

    public void importFile() {
        imported = null;
        problems = List.of();
        categories = null;
        readable = null;
        origin.upload(file.getSubmittedFileName());
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            // Moodle XML says its own encoding and QTI is a zip; GIFT and Aiken must be UTF-8.
            boolean text = format == BankFormat.GIFT || format == BankFormat.AIKEN;
            if (bytes.length == 0 || text && StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().isBlank()) {
                PageMessages.error("banks.emptyFile");
                return;
            }
            imported = banks.importBank(format.read(bytes, category), caller.username(), caller.isAdmin());
        } catch (BankRejectedException e) {
            problems = e.errors().stream()
                    .map(error -> new Problem(error.line(), PageMessages.text(error.messageKey(),
                            error.arguments().toArray())))
                    .toList();
        } catch (BusinessException e) {
            PageMessages.refusal(e);
        } catch (CharacterCodingException e) {
            PageMessages.error("bank.import.notUtf8");
        } catch (IOException e) {
            PageMessages.error("bank.import.unreadable");
        }
    }

    /** How many current questions each category holds. */
    public List<Map.Entry<String, Long>> getCategories() {
        if (categories == null) {
            categories = List.copyOf(banks.categories().entrySet());
        }
        return categories;
    }

    /** Whether the caller may download a category with its keys. */
    public boolean mayExport(String category) {
        if (readable == null) {
            readable = banks.keysReadableBy(caller.username(), caller.isAdmin(), caller.official());
        }
        return readable.contains(category);
    }

    public BankFormat[] getFormats() {
        return BankFormat.values();
    }

    public BankFormat getFormat() {
        return format;
    }

    public void setFormat(BankFormat format) {
        this.format = format;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public QuestionBanks.Imported getImported() {
        return imported;
    }

    public List<Problem> getProblems() {
        return problems;
    }
}
