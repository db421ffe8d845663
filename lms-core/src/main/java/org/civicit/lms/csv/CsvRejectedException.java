package org.civicit.lms.csv;

import java.util.List;

/** A file that breaks the rules somewhere: nothing of it was written. */
public class CsvRejectedException extends RuntimeException {

    private final transient List<CsvError> errors;
    private final int total;

    /** @param total how many problems there were; {@code errors} may list only the first of them */
    public CsvRejectedException(List<CsvError> errors, int total) {
        super(total + " error(s) in the file");
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    public List<CsvError> errors() {
        return errors;
    }

    public int total() {
        return total;
    }
}
