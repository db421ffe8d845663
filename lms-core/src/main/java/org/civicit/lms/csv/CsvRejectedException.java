package org.civicit.lms.csv;

import java.util.List;

/** A file that breaks the rules somewhere: nothing of it was written. */
public class CsvRejectedException extends RuntimeException {

    private final transient List<CsvError> errors;

    public CsvRejectedException(List<CsvError> errors) {
        super(errors.size() + " error(s) in the file");
        this.errors = List.copyOf(errors);
    }

    public List<CsvError> errors() {
        return errors;
    }
}
